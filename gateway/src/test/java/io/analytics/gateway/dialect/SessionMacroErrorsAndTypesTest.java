package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.functions.MacroDuckDb;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** float8 exp and power raise PostgreSQL's errors, and string_agg has PostgreSQL's bytea form and NULL delimiter, in DuckDB. */
class SessionMacroErrorsAndTypesTest {
  private static MacroDuckDb duckDb;

  @BeforeAll
  static void createMacros() throws SQLException {
    List<String> macros = new ArrayList<>(PgNumericFunctionMacros.statements());
    macros.addAll(PgAggregateMacros.statements());
    duckDb = new MacroDuckDb(macros);
  }

  @AfterAll
  static void close() throws SQLException {
    duckDb.close();
  }

  private static List<String> row(String sql) throws SQLException {
    return duckDb.row(sql);
  }

  @Test
  void expOutOfRangeIsAnErrorAndInfinitiesPass() throws SQLException {
    assertThat(row("SELECT pg_gateway_exp(0::float8), pg_gateway_exp('inf'::float8), pg_gateway_exp('-inf'::float8), pg_gateway_exp(1)"))
        .containsExactly("1.0", "Infinity", "0.0", "2.718281828459045");
    assertThatThrownBy(() -> row("SELECT pg_gateway_exp(800::float8)")).hasMessageContaining("[22003] value out of range: overflow");
    assertThatThrownBy(() -> row("SELECT pg_gateway_exp(-800::float8)")).hasMessageContaining("[22003] value out of range: underflow");
  }

  @Test
  void powerRaisesPostgresErrors() throws SQLException {
    assertThat(row("SELECT pg_gateway_power(2::float8, 10::float8), pg_gateway_power('-inf'::float8, 3::float8), "
        + "pg_gateway_power(2, '-inf'::float8), pg_gateway_power(0::float8, 0::float8)")).containsExactly("1024.0", "-Infinity", "0.0", "1.0");
    assertThatThrownBy(() -> row("SELECT pg_gateway_power('-inf'::float8, 3.5::float8)")).hasMessageContaining("[2201F] a negative number");
    assertThatThrownBy(() -> row("SELECT pg_gateway_power(0::float8, -1::float8)")).hasMessageContaining("[2201F] zero raised");
    assertThatThrownBy(() -> row("SELECT pg_gateway_power(0.0, '-inf')")).hasMessageContaining("[2201F] zero raised");
    assertThat(row("SELECT pg_gateway_power(-2.0, '-inf'), pg_gateway_exp('-inf')")).containsExactly("0.0", "0.0");
    assertThatThrownBy(() -> row("SELECT pg_gateway_power(10::float8, 400::float8)")).hasMessageContaining("[22003] value out of range: overflow");
    assertThatThrownBy(() -> row("SELECT pg_gateway_power(10::float8, -400::float8)")).hasMessageContaining("[22003] value out of range: underflow");
  }

  @Test
  void stringAggOfByteaIsByteaAndANullDelimiterIsNone() throws SQLException {
    assertThat(row("SELECT hex(pg_gateway_string_agg(v, '\\x5c'::blob)), typeof(pg_gateway_string_agg(v, '')), pg_gateway_string_agg(t, NULL), "
        + "pg_gateway_string_agg(t, ',') FROM (VALUES ('\\xff'::blob, 'a'), ('\\x5c'::blob, 'b')) x(v, t)"))
        .containsExactly("FF5C5C", "BLOB", "ab", "a,b");
  }
}
