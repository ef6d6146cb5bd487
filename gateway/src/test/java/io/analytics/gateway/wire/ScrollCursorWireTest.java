package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.ReferenceTables;
import io.analytics.gateway.testing.TestGateway;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SCROLL cursors move in every direction as PostgreSQL 15's do (FETCH PRIOR, FIRST, LAST, ABSOLUTE,
 * RELATIVE, BACKWARD, MOVE), and NO SCROLL cursors refuse to go back with 55000: psql's output and
 * psycopg2's {@code scroll()} compared with a real PostgreSQL.
 */
class ScrollCursorWireTest {
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws SQLException {
    gateway = TestGateway.start();
    ReferenceTables.createOnBoth(gateway, "DROP TABLE IF EXISTS scroll_rows", "CREATE TABLE scroll_rows(i int)",
        "INSERT INTO scroll_rows SELECT * FROM generate_series(1, 10)");
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  void psqlFetchesTheSameRowsInEveryDirection() throws Exception {
    String script = String.join("\n",
        "BEGIN;",
        "DECLARE c SCROLL CURSOR FOR SELECT i, i * 10 AS tens FROM scroll_rows ORDER BY i;",
        "FETCH 2 FROM c;",
        "FETCH PRIOR FROM c;",
        "FETCH ABSOLUTE 4 FROM c;",
        "FETCH RELATIVE -2 FROM c;",
        "FETCH LAST FROM c;",
        "FETCH NEXT FROM c;",
        "FETCH PRIOR FROM c;",
        "FETCH FIRST FROM c;",
        "FETCH BACKWARD 1 FROM c;",
        "MOVE FORWARD 3 FROM c;",
        "FETCH FORWARD 0 FROM c;",
        "FETCH RELATIVE 0 FROM c;",
        "FETCH BACKWARD ALL FROM c;",
        "FETCH ABSOLUTE -3 FROM c;",
        "FETCH ABSOLUTE 20 FROM c;",
        "FETCH PRIOR FROM c;",
        "MOVE ABSOLUTE 0 IN c;",
        "MOVE RELATIVE 5 IN c;",
        "FETCH FORWARD ALL FROM c;",
        "MOVE BACKWARD ALL IN c;",
        "FETCH -2 FROM c;",
        "CLOSE c;",
        "DECLARE d NO SCROLL CURSOR FOR SELECT i FROM scroll_rows ORDER BY i;",
        "FETCH 2 FROM d;",
        "FETCH PRIOR FROM d;",
        "ROLLBACK;",
        "");
    PostgresServer reference = PostgresServer.shared();
    String postgres = psql(reference.host(), reference.port(), PostgresServer.USER, "postgres", PostgresServer.PASSWORD, script);
    assertThat(postgres).contains("cursor can only scan forward");
    assertThat(psql(gateway.host(), gateway.port(), "tester", "lake", "", script)).isEqualTo(postgres);
  }

  @Test
  void psycopg2ScrollsAsOnPostgres() {
    ClientScript.Result result = ClientScript.runPsycopg2ComparedWith(PostgresServer.shared(), gateway.host(), gateway.port(),
        "scroll_cursor_checks.py");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).as(result.toString()).containsExactly("scroll");
  }

  private static String psql(String host, int port, String user, String database, String password, String script) throws Exception {
    return PsqlBinary.script(host, port, user, database, password, script, "-a");
  }

}
