package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.JdbcAnswer;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SQL's PREPARE (with and without a list of parameter types), EXECUTE and DEALLOCATE, as psql scripts and
 * applications write them: through pgjdbc over both protocols and through psql, one session each, the same
 * answers as PostgreSQL 15: values, column names, types, command tags and SQLSTATEs.
 */
class SqlPrepareWireTest {
  private static final String DATABASE = "sqlprepare";
  private static final List<String> SESSION = List.of(
      "DROP TABLE IF EXISTS ct",
      "CREATE TABLE ct (id int, c char(5), v varchar(5), d date, n numeric(10, 2))",
      "PREPARE ins (int, char(5), varchar(5), date, numeric(6, 2)) AS INSERT INTO ct VALUES ($1, $2, $3, $4, $5)",
      "EXECUTE ins(1, 'ab   ', 'ab   ', '2003-01-02', 3.14159)",
      "EXECUTE ins (2, 'cd', 'cd ', '1999-12-31', 2)",
      "SELECT id, '[' || c || ']' AS c, '[' || v || ']' AS v, length(c) AS lc, d, n FROM ct ORDER BY id",
      "PREPARE q (int, numeric(6,2), timestamp(0), varchar(2)) AS SELECT $1 / 2 AS half, $2 AS n, $3 AS ts, $4 || '' AS s",
      "EXECUTE q(7, 3.14159, '2020-01-02 03:04:05.6', 'abcdef')",
      "PREPARE cnt (char(5)) AS SELECT count(*) FROM ct WHERE c = $1",
      "EXECUTE cnt('ab')",
      "EXECUTE cnt('ab   ')",
      "PREPARE untyped AS SELECT $1::int * 2 AS twice, $2 AS s, 5 AS five",
      "EXECUTE untyped(21, 'x' || 'y')",
      "PREPARE cnt AS SELECT 1",
      "EXECUTE cnt('ab', 'cd')",
      "EXECUTE cnt",
      "EXECUTE missing(1)",
      "DEALLOCATE cnt",
      "EXECUTE cnt('ab')",
      "DEALLOCATE PREPARE untyped",
      "DEALLOCATE missing",
      "PREPARE upd (int) AS UPDATE ct SET n = n + 1 WHERE id = $1",
      "EXECUTE upd(1)",
      "SELECT id, n FROM ct ORDER BY id",
      "DEALLOCATE ALL",
      "EXECUTE q(1, 1, '2020-01-01', 'a')",
      "PREPARE q AS SELECT 'again' AS word",
      "EXECUTE q");

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase(DATABASE);

  @Test
  void pgjdbcGetsPostgresAnswersOverBothProtocols() throws SQLException {
    for (boolean simple : new boolean[] {false, true}) {
      try (Connection pg = postgres.connect(simple); Connection gw = gateway.connect(simple)) {
        for (String sql : SESSION) {
          // Without pgjdbc's precision: a numeric result's type modifier is DuckDB's DECIMAL width (docs/TYPES.md).
          assertThat(JdbcAnswer.withoutPrecision(gw, sql)).as(sql + (simple ? " (simple)" : "")).isEqualTo(JdbcAnswer.withoutPrecision(pg, sql));
        }
      }
    }
  }

  @Test
  void psqlPrintsWhatPostgresPrints() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    String expected = psql(postgres.server().host(), postgres.server().port(), PostgresServer.USER, PostgresServer.PASSWORD);
    assertThat(psql(gateway.host(), gateway.port(), "tester", "")).isEqualTo(expected);
  }

  /** psql's output of the whole session (each statement a -c of one connection), errors by SQLSTATE. */
  private static String psql(String host, int port, String user, String password) throws Exception {
    List<String> command = new ArrayList<>(List.of(PsqlBinary.find().toString(), "-X", "-A", "-v", "VERBOSITY=sqlstate",
        "-h", host, "-p", Integer.toString(port), "-U", user, "-d", DATABASE));
    for (String sql : SESSION) {
      command.add("-c");
      command.add(sql);
    }
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("PGPASSWORD", password);
    Process process = builder.start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return output;
  }
}
