package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** Character columns become VARCHAR with a length check, and their declared types are recorded as comments. */
class DeclaredCharacterColumnsTest {
  private static String translate(String sql) {
    return PgDdl.translate(SqlStatement.parse(sql)).sql();
  }

  private static String check(String column, int length, String type) {
    return "CHECK (CASE WHEN " + column + " IS NULL OR length(" + column + ") <= " + length + " OR length(rtrim(" + column + ", ' ')) <= "
        + length + " THEN true ELSE error('[22001] value too long for type " + type + "') END)";
  }

  @Test
  void createTableRecordsEverySpellingOfTheCharacterTypes() {
    assertThat(translate("CREATE TABLE s.t (a char(5) NOT NULL, b varchar(10), c character, d character varying, e bpchar, f text, g int)"))
        .isEqualTo("CREATE TABLE s.t (a VARCHAR " + check("a", 5, "character(5)") + " NOT NULL, b VARCHAR " + check("b", 10,
            "character varying(10)") + ", c VARCHAR " + check("c", 1, "character(1)") + ", d VARCHAR, e VARCHAR, f text, g int); "
            + "COMMENT ON COLUMN s.t.a IS 'pg_type:character(5)'; COMMENT ON COLUMN s.t.b IS 'pg_type:character varying(10)'; "
            + "COMMENT ON COLUMN s.t.c IS 'pg_type:character(1)'; COMMENT ON COLUMN s.t.d IS 'pg_type:character varying'; "
            + "COMMENT ON COLUMN s.t.e IS 'pg_type:character'");
  }

  @Test
  void tablesWithoutCharacterColumnsAndArraysAreLeftAlone() {
    assertThat(translate("CREATE TABLE t (a text, b char(4)[], \"char\" int)")).isEqualTo("CREATE TABLE t (a text, b char(4)[], \"char\" int)");
  }

  @Test
  void serialColumnsAndCharacterColumnsTogether() {
    assertThat(translate("CREATE TEMP TABLE t (id serial, \"Name\" varchar(3))")).isEqualTo(
        "CREATE TEMP SEQUENCE IF NOT EXISTS t_id_seq; CREATE TEMP TABLE t (id INTEGER DEFAULT nextval('t_id_seq') NOT NULL, \"Name\" VARCHAR "
            + check("\"Name\"", 3, "character varying(3)") + "); COMMENT ON COLUMN t.\"Name\" IS 'pg_type:character varying(3)'");
  }

  @Test
  void alterTableAddsAndRetypesColumns() {
    assertThat(translate("ALTER TABLE t ADD COLUMN IF NOT EXISTS c char(2)")).isEqualTo(
        "ALTER TABLE t ADD COLUMN IF NOT EXISTS c VARCHAR " + check("c", 2, "character(2)") + "; COMMENT ON COLUMN t.c IS 'pg_type:character(2)'");
    assertThat(translate("ALTER TABLE t ALTER COLUMN c TYPE varchar(20)"))
        .isEqualTo("ALTER TABLE t ALTER COLUMN c TYPE VARCHAR; COMMENT ON COLUMN t.c IS 'pg_type:character varying(20)'");
    assertThat(translate("ALTER TABLE t ALTER c SET DATA TYPE text"))
        .isEqualTo("ALTER TABLE t ALTER c SET DATA TYPE text; COMMENT ON COLUMN t.c IS NULL");
    assertThat(translate("ALTER TABLE t ADD COLUMN n numeric")).isEqualTo("ALTER TABLE t ADD COLUMN n DECIMAL(38,10)");
  }
}
