package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code analytics query} prints values as psql does (PostgreSQL's text output), on the warehouse
 * file and through the gateway alike: checked against psql on a real PostgreSQL.
 */
class QueryTextTest {
  /** Values whose Java and DuckDB spellings differ from PostgreSQL's, written in SQL both accept. */
  private static final String VALUES = "SELECT TIMESTAMPTZ '2025-01-02 09:30:00+00' AS tstz, "
      + "TIMESTAMPTZ '2025-01-02 09:30:00.123456+00' AS tstz_micros, TIMESTAMP '2025-01-02 09:30:00' AS ts, "
      + "TIMESTAMP '2025-01-02 09:30:00.5' AS ts_half, DATE '2025-01-02' AS d, TIME '09:30:00' AS t, "
      + "true AS yes, false AS no, CAST(100 AS DOUBLE PRECISION) AS hundred, CAST(1e20 AS DOUBLE PRECISION) AS big, "
      + "CAST(0.1 AS DOUBLE PRECISION) AS tenth, CAST(0.1 AS REAL) AS tenth_real, CAST(185.5 AS NUMERIC(18,4)) AS price, "
      + "ARRAY[1, 2, 3] AS ints, ARRAY['a', NULL, 'b c'] AS texts, CAST('xyz' AS BYTEA) AS bytes";

  @TempDir Path home;

  @Test
  void valuesPrintAsPsqlPrintsThemOnPostgres() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    String postgres = psqlCsv(PostgresServer.shared());
    assertThat(postgres).startsWith("tstz,").contains("2025-01-02 09:30:00+00");

    assertThat(CliRun.in(home, "init").exitCode()).isZero();
    CliRun direct = CliRun.in(home, "query", VALUES, "--format", "csv");
    assertThat(direct.out()).as(direct.err()).isEqualTo(postgres);

    try (TestGateway gateway = TestGateway.start()) {
      GatewayEndpointFile.write(gateway.home(), ProcessHandle.current().pid(), gateway.host(), gateway.port());
      try {
        CliRun through = CliRun.in(gateway.home().root(), "query", VALUES, "--format", "csv");
        assertThat(through.out()).as(through.err()).isEqualTo(postgres);
      } finally {
        GatewayEndpointFile.delete(gateway.home());
      }
    }
  }

  @Test
  void theTableFormatPrintsTheSameText() {
    assertThat(CliRun.in(home, "init").exitCode()).isZero();
    CliRun table = CliRun.in(home, "query", "SELECT TIMESTAMPTZ '2025-01-02 09:30:00+00' AS ts, true AS ok");
    assertThat(table.out()).contains(" 2025-01-02 09:30:00+00 | t").doesNotContain("T09:30Z");
  }

  private static String psqlCsv(PostgresServer server) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(List.of(PsqlBinary.find().toString(), "-X", "--csv", "-v", "ON_ERROR_STOP=1",
        "-h", server.host(), "-p", Integer.toString(server.port()), "-U", PostgresServer.USER, "-d", "postgres", "-c", VALUES));
    builder.environment().put("PGPASSWORD", PostgresServer.PASSWORD);
    builder.environment().put("PGTZ", "UTC");
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }
}
