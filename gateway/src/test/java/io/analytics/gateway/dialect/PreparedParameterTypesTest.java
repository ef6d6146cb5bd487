package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** PREPARE's type list becomes casts of the parameters it types, which DuckDB's PREPARE takes. */
class PreparedParameterTypesTest {
  private static String translate(String sql) {
    return new PreparedParameterTypes().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void eachDeclaredTypeCastsItsParameterWhereverItIsUsed() {
    assertThat(translate("PREPARE p (int, text) AS SELECT $1 + $1, $2 FROM t WHERE a = $1"))
        .isEqualTo("PREPARE p AS SELECT CAST($1 AS int) + CAST($1 AS int), CAST($2 AS text) FROM t WHERE a = CAST($1 AS int)");
  }

  @Test
  void theTypesModifierIsDroppedAsPostgreSqlDropsIt() {
    assertThat(translate("prepare q(numeric(10, 2), timestamp(3) with time zone, int[3], varchar(2), interval day to second(2)) as "
        + "insert into t values ($1, $2, $3, $4, $5)"))
        .isEqualTo("prepare q as insert into t values (CAST($1 AS numeric), CAST($2 AS timestamp with time zone), CAST($3 AS int[]), "
            + "CAST($4 AS varchar), CAST($5 AS interval))");
  }

  @Test
  void aCharacterParameterIsItsTextWithoutTrailingBlanks() {
    assertThat(translate("PREPARE p (char(5), bpchar, character(2)[]) AS SELECT $1, $2, $3"))
        .isEqualTo("PREPARE p AS SELECT rtrim(CAST($1 AS VARCHAR), ' '), rtrim(CAST($2 AS VARCHAR), ' '), CAST($3 AS VARCHAR[])");
  }

  @Test
  void parametersBeyondTheListAndTextThatOnlyLooksLikeOneAreLeftAlone() {
    assertThat(translate("PREPARE p (text) AS SELECT $1, $2, '$1' /* $1 */")).isEqualTo("PREPARE p AS SELECT CAST($1 AS text), $2, '$1' /* $1 */");
  }

  @Test
  void preparesWithoutATypeListAndOtherStatementsAreUnchanged() {
    for (String sql : new String[] {"PREPARE p AS SELECT $1", "SELECT prepare(1)", "EXECUTE p (1, 2)", "DEALLOCATE p"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }

  @Test
  void anEmptyTypeListIsASyntaxError() {
    assertThat(StageOutcome.sqlStateOf(PreparedParameterTypesTest::translate, "PREPARE p () AS SELECT 1")).isEqualTo("42601");
  }
}
