package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.ReferenceTables;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * ErrorResponse fields as PostgreSQL 15 sends them: the position psql draws its caret under, and
 * the schema, table, column and constraint of constraint violations (psycopg2's {@code e.diag},
 * pgjdbc's {@code ServerErrorMessage}), compared with a real PostgreSQL for the same statements.
 */
class ErrorFieldWireTest {
  private static final String TABLES = "DROP TABLE IF EXISTS field_lines; DROP TABLE IF EXISTS field_parents; "
      + "CREATE TABLE field_parents(id int PRIMARY KEY); INSERT INTO field_parents VALUES (1); "
      + "CREATE TABLE field_lines(id int PRIMARY KEY, qty int CHECK (qty > 0), label text NOT NULL, "
      + "parent int REFERENCES field_parents(id)); INSERT INTO field_lines VALUES (1, 1, 'a', 1)";

  private static TestGateway gateway;

  @BeforeAll
  static void start() throws SQLException {
    gateway = TestGateway.start();
    ReferenceTables.createOnBoth(gateway, TABLES.split("; "));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void pgjdbcReadsTheViolatedConstraintAsFromPostgres() throws SQLException {
    List<String> statements = List.of(
        "INSERT INTO field_lines VALUES (1, 1, 'b', 1)",
        "INSERT INTO field_lines VALUES (2, 0, 'b', 1)",
        "INSERT INTO field_lines VALUES (3, 1, NULL, 1)",
        "INSERT INTO field_lines VALUES (4, 1, 'd', 9)");
    for (String sql : statements) {
      assertThat(fields(gateway.connect(), sql)).as(sql).isEqualTo(fields(PostgresServer.shared().connect("postgres"), sql));
    }
  }

  @Test
  void psycopg2DiagnosticsMatchPostgres() {
    ClientScript.Result result = ClientScript.runPsycopg2ComparedWith(PostgresServer.shared(), gateway.host(), gateway.port(),
        "error_field_checks.py");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("autocommit", "in a transaction");
  }

  /** psql draws "LINE n: ..." and a caret under the position: the same lines as for PostgreSQL. */
  @Test
  void psqlPointsAtTheSameCharacterAsPostgres() throws Exception {
    String script = String.join("\n",
        "SELECT nope FROM field_lines;",
        "SELECT * FROM no_such_table;",
        "SELEC 1;",
        "SELECT id,\n  label FROM field_lines WHERE nope = 1;",
        "SELECT id FROM field_lines WHERE qty = 'x';",
        "SELECT generate_series(1, 2), nope FROM field_lines;",
        "SELECT 'é' AS accent, nope FROM field_lines;",
        "SELECT count(*) FROM field_lines f JOIN no_such_table n ON true;",
        "");
    PostgresServer reference = PostgresServer.shared();
    assertThat(caretLines(psql(gateway.host(), gateway.port(), "tester", "lake", "", script)))
        .isEqualTo(caretLines(psql(reference.host(), reference.port(), PostgresServer.USER, "postgres", PostgresServer.PASSWORD, script)));
  }

  private static List<String> fields(Connection connection, String sql) throws SQLException {
    try (connection; Statement statement = connection.createStatement()) {
      PSQLException error = catchThrowableOfType(PSQLException.class, () -> statement.execute(sql));
      assertThat((Throwable) error).as(sql).isNotNull();
      ServerErrorMessage message = error.getServerErrorMessage();
      return Arrays.asList(error.getSQLState(), message.getMessage(), message.getSchema(), message.getTable(),
          message.getColumn(), message.getDatatype(), message.getConstraint());
    }
  }

  private static String psql(String host, int port, String user, String database, String password, String script) throws Exception {
    return PsqlBinary.script(host, port, user, database, password, script, "-q");
  }


  /** The lines psql prints for an error's position: "LINE n: text" and the caret under it. */
  private static List<String> caretLines(String output) {
    List<String> lines = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("LINE ") || line.trim().equals("^")) {
        lines.add(line);
      }
    }
    return lines;
  }
}
