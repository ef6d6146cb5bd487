package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.JdbcAnswer;
import io.analytics.gateway.testing.ReferenceDatabase;
import io.analytics.gateway.testing.PsqlBinary;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * char(n) and varchar(n) answer as in PostgreSQL 15: values blank-padded, trailing blanks ignored in
 * comparisons, types bpchar and varchar with their length in RowDescription, pg_attribute,
 * DatabaseMetaData and psql's {@code \d}, 22001 for a value too long. The same statements run through
 * pgjdbc (extended and simple protocol), psql and psycopg2 against a real PostgreSQL and the gateway.
 */
class CharacterTypesWireTest {
  private static final String DATABASE = "lake";
  private static final List<String> SETUP = List.of(
      "DROP TABLE IF EXISTS chars",
      "CREATE TABLE chars (id int, c char(5), v varchar(10), one character, cv character varying(3))",
      "INSERT INTO chars VALUES (1, 'ab', 'ab', 'x', 'abc'), (2, 'abcde', 'hello', 'y', 'a'), (3, NULL, NULL, NULL, NULL)",
      "ALTER TABLE chars ADD COLUMN added char(3)", "UPDATE chars SET added = 'z' WHERE id = 1");
  private static final List<String> QUERIES = List.of(
      "SELECT * FROM chars ORDER BY id",
      "SELECT c, v FROM chars WHERE c = 'ab' ORDER BY id",
      "SELECT c || '|', length(c), upper(c) FROM chars ORDER BY id",
      "SELECT c FROM chars GROUP BY c ORDER BY c",
      "SELECT 'abc'::char(5), CAST('hi de ho neighbor' AS char(10)), 'abcdef'::varchar(3), 'a'::char(3) = 'a  '::char(3)",
      "SELECT x.c FROM (SELECT c FROM chars) x ORDER BY 1",
      "SELECT c FROM chars UNION SELECT c FROM chars ORDER BY 1",
      "SELECT CAST(c AS varchar) || '|' FROM chars ORDER BY id",
      "SELECT 'a'::\"char\", '\\101'::\"char\", '\\377'::\"char\", '\\000'::\"char\"::text = '', ''::text::\"char\"");
  private static final List<String> TOO_LONG = List.of(
      "INSERT INTO chars (id, v) VALUES (9, 'abcdefghijk')", "INSERT INTO chars (id, c) VALUES (9, 'abcdef')",
      "UPDATE chars SET cv = 'abcd' WHERE id = 1");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase(DATABASE);

  @Test
  void valuesTypesAndErrorsMatchPostgresOverBothProtocols() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = connect(postgres.jdbcUrl(), true, simple); Connection gw = connect(null, false, simple)) {
        setUp(pg);
        setUp(gw);
        for (String sql : QUERIES) {
          assertThat(answer(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(answer(pg, sql));
        }
        for (String sql : TOO_LONG) {
          String expected = answer(pg, sql);
          assertThat(expected).as("PostgreSQL: " + sql).startsWith("ERROR 22001 value too long");
          assertThat(answer(gw, sql)).as(sql).isEqualTo(expected);
        }
        // Blanks beyond the length pass, and are not shown.
        String fits = "INSERT INTO chars (id, c, v) VALUES (4, 'abc     ', 'xyz           ')";
        assertThat(answer(gw, fits)).isEqualTo(answer(pg, fits));
        String shown = "SELECT c, v FROM chars WHERE id = 4";
        assertThat(answer(gw, shown)).isEqualTo(answer(pg, shown));
      }
    }
  }

  @Test
  void copyChecksLengthsAsInsertDoes() throws SQLException {
    for (boolean postgresServer : new boolean[] {true, false}) {
      try (Connection connection = connect(postgres.jdbcUrl(), postgresServer, false)) {
        setUp(connection);
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try {
          copy.copyIn("COPY chars (id, cv) FROM STDIN", new StringReader("7\tabcd\n"));
          throw new AssertionError("COPY of a value too long was accepted (" + (postgresServer ? "PostgreSQL" : "gateway") + ")");
        } catch (SQLException e) {
          assertThat(e.getSQLState()).isEqualTo("22001");
          assertThat(e.getMessage()).contains("value too long for type character varying(3)");
        } catch (java.io.IOException e) {
          throw new AssertionError(e);
        }
      }
    }
  }

  @Test
  void databaseMetadataShowsDeclaredLengths() throws SQLException {
    try (Connection pg = connect(postgres.jdbcUrl(), true, false); Connection gw = connect(null, false, false)) {
      setUp(pg);
      setUp(gw);
      assertThat(columns(gw)).isEqualTo(columns(pg));
      assertThat(columns(gw)).contains("c bpchar 5", "v varchar 10");
      String catalog = "SELECT attname::text AS attname, format_type(atttypid, atttypmod), atttypmod FROM pg_attribute "
          + "WHERE attrelid = 'chars'::regclass AND attnum > 0 ORDER BY attnum";
      assertThat(answer(gw, catalog)).isEqualTo(answer(pg, catalog));
      String schema = "SELECT column_name::text AS c, data_type::text AS t, character_maximum_length FROM information_schema.columns "
          + "WHERE table_name = 'chars' ORDER BY ordinal_position";
      assertThat(answer(gw, schema)).isEqualTo(answer(pg, schema));
    }
  }

  @Test
  void psqlDescribesTheTableAsPostgresDoes() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    try (Connection pg = connect(postgres.jdbcUrl(), true, false); Connection gw = connect(null, false, false)) {
      setUp(pg);
      setUp(gw);
    }
    for (String command : List.of("SELECT * FROM chars ORDER BY id", "SELECT 'abc'::char(5) AS c")) {
      assertThat(DialectPsqlWireTest.psql(gateway.host(), gateway.port(), "tester", "", command))
          .isEqualTo(DialectPsqlWireTest.psql(postgres.server().host(), postgres.server().port(), PostgresServer.USER, PostgresServer.PASSWORD, command));
    }
    String described = DialectPsqlWireTest.psql(gateway.host(), gateway.port(), "tester", "", "\\d chars");
    assertThat(described).contains("character(5)", "character varying(10)", "character(1)", "character varying(3)");
  }

  @Test
  void psycopg2GetsWhatPostgresGives() {
    ClientScript.Result result = ClientScript.runPsycopg2ComparedWith(PostgresServer.shared(), gateway.host(), gateway.port(),
        "character_checks.py");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("character values and description", "value too long");
  }

  private static void setUp(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      for (String sql : SETUP) {
        statement.execute(sql);
      }
    }
  }

  private static List<String> columns(Connection connection) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (ResultSet rows = connection.getMetaData().getColumns(null, null, "chars", null)) {
      while (rows.next()) {
        columns.add(rows.getString("COLUMN_NAME") + " " + rows.getString("TYPE_NAME") + " " + rows.getInt("COLUMN_SIZE"));
      }
    }
    return columns;
  }

  private static String answer(Connection connection, String sql) {
    return JdbcAnswer.of(connection, sql);
  }

  private static Connection connect(String url, boolean postgresServer, boolean simple) throws SQLException {
    return postgresServer ? postgres.connect(simple) : gateway.connect(simple);
  }
}
