package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pg_typeof names PostgreSQL's types (each expected name is PostgreSQL 15's answer for the same value). */
class PgTypeofMacrosTest {
  private static MacroDuckDb duckDb;

  @BeforeAll
  static void createMacros() throws SQLException {
    duckDb = new MacroDuckDb(PgTypeofMacros.statements());
  }

  @AfterAll
  static void close() throws SQLException {
    duckDb.close();
  }

  @Test
  void scalarsAreNamedAsPostgreSqlNamesThem() throws SQLException {
    assertThat(duckDb.row("SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof(CAST('x' AS VARCHAR)), pg_typeof(CAST(1.5 AS DOUBLE)), "
        + "pg_typeof(TIMESTAMPTZ '2020-01-01 00:00:00+00'), pg_typeof(DATE '2020-01-01'), pg_typeof(true), pg_typeof(CAST(1 AS BIGINT)), "
        + "pg_typeof(INTERVAL 1 DAY), pg_typeof(CAST(1 AS SMALLINT)), pg_typeof(CAST(1.5 AS REAL)), pg_typeof(CAST('a' AS BLOB)), "
        + "pg_typeof(TIME '10:00'), pg_typeof(TIMESTAMP '2020-01-01'), pg_typeof(CAST('00000000-0000-0000-0000-000000000000' AS UUID))"))
        .containsExactly("integer", "numeric", "text", "double precision", "timestamp with time zone", "date", "boolean", "bigint",
            "interval", "smallint", "real", "bytea", "time without time zone", "timestamp without time zone", "uuid");
  }

  @Test
  void arraysKeepTheirBracketsAroundTheElementsName() throws SQLException {
    assertThat(duckDb.row("SELECT pg_typeof([1]), pg_typeof([[1.5]]), pg_typeof(['a']), pg_typeof(CAST(NULL AS INTEGER)), pg_typeof(pg_typeof(1))"))
        .containsExactly("integer[]", "numeric[][]", "text[]", "integer", "text");
  }
}
