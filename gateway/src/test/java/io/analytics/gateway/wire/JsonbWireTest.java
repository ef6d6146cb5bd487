package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.util.PGobject;

/**
 * jsonb as a type of its own (OID 3802, PostgreSQL's text form, binary with its version byte) and
 * json (114) beside it, with their operators and functions, through pgjdbc, psycopg2, psycopg 3
 * and node-postgres. The expected answers are PostgreSQL 15's for the same statements.
 */
class JsonbWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void jsonbIsItsOwnTypeWithPostgresText() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT '{\"b\":1, \"a\":{\"d\":[1,2], \"c\":1.50}, \"b\":2}'::jsonb AS j, '{\"b\":1,  \"a\":2}'::json AS t")) {
      assertThat(rows.getMetaData().getColumnTypeName(1)).isEqualTo("jsonb");
      assertThat(rows.getMetaData().getColumnTypeName(2)).isEqualTo("json");
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("{\"a\": {\"c\": 1.50, \"d\": [1, 2]}, \"b\": 2}");
      assertThat(rows.getString(2)).isEqualTo("{\"b\":1,  \"a\":2}");
    }
  }

  @Test
  void operatorsAnswerAsPostgres() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT j -> 'a' ->> 1, j #> '{a,0}', j #>> '{c}', j ? 'c', j ?| array['x', 'a'], "
            + "j ?& array['x', 'a'], j @> '{\"a\":[2]}', '{\"a\":[2]}' <@ j, j - 'c', j #- '{a,0}', j || '{\"d\":null}'::jsonb, "
            + "jsonb_typeof(j -> 'c'), jsonb_array_length(j -> 'a'), j -> 'a' -> -1 = '2'::jsonb "
            + "FROM (SELECT '{\"a\":[1,2], \"c\":\"x\"}'::jsonb AS j) AS t")) {
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("2");
      assertThat(rows.getString(2)).isEqualTo("1");
      assertThat(rows.getString(3)).isEqualTo("x");
      assertThat(new boolean[] {rows.getBoolean(4), rows.getBoolean(5), rows.getBoolean(6), rows.getBoolean(7), rows.getBoolean(8)})
          .containsExactly(true, true, false, true, true);
      assertThat(rows.getString(9)).isEqualTo("{\"a\": [1, 2]}");
      assertThat(rows.getString(10)).isEqualTo("{\"a\": [2], \"c\": \"x\"}");
      assertThat(rows.getString(11)).isEqualTo("{\"a\": [1, 2], \"c\": \"x\", \"d\": null}");
      assertThat(rows.getString(12)).isEqualTo("string");
      assertThat(rows.getInt(13)).isEqualTo(2);
      assertThat(rows.getBoolean(14)).isTrue();
      assertThat(rows.getMetaData().getColumnLabel(1)).isEqualTo("?column?");
    }
  }

  @Test
  void jsonbColumnsTakeTypedParameters() throws SQLException {
    Properties prepared = new Properties();
    prepared.setProperty("prepareThreshold", "-1"); // server-side prepared from the first execution
    try (Connection connection = gateway.connect(prepared); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE docs (id int, doc jsonb)");
      PGobject document = new PGobject();
      document.setType("jsonb");
      document.setValue("{\"z\": 1, \"a\": [true, null]}");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO docs VALUES (?, ?)")) {
        insert.setInt(1, 1);
        insert.setObject(2, document);
        insert.executeUpdate();
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT doc, doc -> 'a' FROM docs WHERE doc @> ?::jsonb")) {
        select.setString(1, "{\"z\":1}");
        try (ResultSet rows = select.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEqualTo("{\"a\": [true, null], \"z\": 1}");
          assertThat(rows.getString(2)).isEqualTo("[true, null]");
        }
      }
    }
  }

  @Test
  void invalidJsonIsRefusedAs22P02() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("SELECT '{\"a\":01}'::jsonb"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22P02"));
      assertThatThrownBy(() -> statement.executeQuery("SELECT jsonb_array_length('{}')"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("22023"));
    }
  }

  @Test
  void psycopg2AndPsycopg3() {
    String python = ClientScript.pythonWith("psycopg2", "psycopg");
    assumeTrue(python != null, "python3 with psycopg2 and psycopg is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(),
        python, ClientScript.CLIENTS.resolve("python").resolve("jsonb_checks.py").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly(
        "psycopg2 types", "psycopg2 operators", "psycopg2 jsonb column", "psycopg3 binary jsonb");
  }

  @Test
  void nodePostgres() {
    Path node = ClientScript.CLIENTS.resolve("node");
    assumeTrue(Files.isDirectory(node.resolve("node_modules").resolve("pg")), "node-postgres is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(),
        "node", node.resolve("jsonb_checks.js").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("jsonb types", "jsonb operators", "jsonb functions");
  }
}
