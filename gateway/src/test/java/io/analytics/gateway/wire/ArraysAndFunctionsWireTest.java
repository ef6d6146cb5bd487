package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.JdbcAnswer;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Array literals stored into array columns, multi-dimensional slices, array_agg's errors, json_object over text arrays,
 * row_to_json of non-finite floats, long hexadecimal escapes in patterns, parse_ident, array_fill, scale, min_scale,
 * to_char with numeric formats and acosh answer as in PostgreSQL 15: the same statements through pgjdbc, over the extended and the simple protocol, against a
 * real PostgreSQL and the gateway (values, column names and types; errors by SQLSTATE).
 */
class ArraysAndFunctionsWireTest {
  private static final List<String> SETUP = List.of(
      "DROP TABLE IF EXISTS arr",
      "CREATE TABLE arr (id int, f1 int[], f2 text[][], f3 float8[])",
      "INSERT INTO arr (id, f1, f2, f3) VALUES (1, '{1,2,3,4}', '{{grey,red},{blue,blue}}', '{1.6, 0.0}'), "
          + "(2, '{3,3,2,4,5,6}', '{{white,yellow},{pink,orange}}', '{2.1,3.3,NULL}'), (3, '{}', '{{\"a b\",c}}', NULL)",
      "UPDATE arr SET f3 = '{-1.5}' WHERE id = 3");
  private static final List<String> QUERIES = List.of(
      "SELECT id, f1, f2, f3 FROM arr ORDER BY id",
      "SELECT max(f1), min(f1), max(f2), min(f2), max(f3), min(f3) FROM arr",
      "SELECT f2[1:1][2:2], f2[1:2][1] FROM arr WHERE id = 1",
      "SELECT (ARRAY[[1,2,3],[4,5,6],[7,8,9]])[:2][:2], (ARRAY[[1,2,3],[4,5,6],[7,8,9]])[2:3][2]",
      "SELECT array_agg(f3 ORDER BY id) FROM arr WHERE id < 3",
      "SELECT array_agg(f1) FROM arr WHERE id < 3",
      "SELECT array_agg(f1) FROM arr",
      "SELECT array_agg(NULL::int[]) FROM generate_series(1, 2)",
      "SELECT array_agg(id ORDER BY id) FROM arr",
      "SELECT json_object('{a,1,b,2,3,NULL,\"d e f\",\"a b c\"}'), json_object('{{a,1},{b,2}}'), json_object('{a,b}', '{1,2}'), json_object('{}')",
      "SELECT jsonb_object('{b,1,a,2}')",
      "SELECT json_object('{a,b,c}')",
      "SELECT json_object('{a,b,NULL}', '{1,2,3}')",
      "SELECT json_object('{a,b}', '{1,2,3}')",
      "SELECT row_to_json(q) FROM (SELECT 'Infinity'::float8 AS f, '-Infinity'::float8 AS g, 'x:Infinity' AS s) q",
      "SELECT 'a' ~ '\\x00061', 'b' ~ '\\x00061'",
      "SELECT 'a' ~ '\\x7fffffff'",
      "SELECT parse_ident('Schemax.\"Table Y\"'), parse_ident('foo.boo[]', false)",
      "SELECT parse_ident('a..b')",
      "SELECT array_fill(7, ARRAY[3]), array_fill('x'::text, ARRAY[2]), array_fill(1, ARRAY[0])",
      "SELECT array_fill(1, NULL::int[])",
      "SELECT scale(1.230), min_scale(1.230), scale(12), min_scale(0.500::numeric(5,3))",
      "SELECT to_char(1234.5, 'FM9,999.00'), to_char(-0.5, '999D99'), to_char(12, 'S9999'), to_char(-12, '999MI'), to_char(7, 'PL0000')",
      "SELECT to_char(123456789::int8, '9G999G999G999'), to_char(2.5::float8, '9'), to_char(3.14159::float8, '9.999'), to_char(12345, '999')",
      "SELECT acosh(0.5)");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase("lake");

  @Test
  void answersMatchPostgresOverBothProtocols() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = postgres.connect(simple); Connection gw = gateway.connect(simple)) {
        setUp(pg);
        setUp(gw);
        for (String sql : QUERIES) {
          String expected = JdbcAnswer.of(pg, sql);
          String actual = JdbcAnswer.of(gw, sql);
          if (expected.startsWith("ERROR")) {
            // Errors by SQLSTATE: the messages' wording is DuckDB's prefix plus PostgreSQL's text.
            assertThat(actual).as(sql + (simple ? " (simple)" : "")).startsWith(expected.substring(0, "ERROR 22023".length()));
          } else {
            assertThat(actual).as(sql + (simple ? " (simple)" : "")).isEqualTo(expected);
          }
        }
      }
    }
  }

  @Test
  void lazyQuantifiersAndLowerBoundsAreRefusedNotAnsweredOtherwise() throws SQLException {
    try (Connection gw = gateway.connect(false)) {
      setUp(gw);
      assertThat(JdbcAnswer.of(gw, "SELECT regexp_matches('llmmmfff', '^(l*?){1,1}(.*)(f*)$')")).startsWith("ERROR 0A000");
      assertThat(JdbcAnswer.of(gw, "INSERT INTO arr (id, f1) VALUES (9, '[0:2]={1,2,3}')")).startsWith("ERROR 0A000");
      assertThat(JdbcAnswer.of(gw, "INSERT INTO arr (id, f1) VALUES (9, '{{1,2},{3,4}}')")).startsWith("ERROR 0A000");
    }
  }

  private static void setUp(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : SETUP) {
        statement.execute(sql);
      }
    }
  }
}
