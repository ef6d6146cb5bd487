package io.analytics.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.LocalPostgresCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard mix's cold first pass sends each distinct statement exactly once, spread over the
 * clients: checked by letting the statements record themselves, through real pgbench against a real
 * PostgreSQL and through the in-process clients against DuckDB. No timings are judged.
 */
class FirstPassTest {
  /** 25 distinct statements (one per value of :d) over 8 clients, a count that does not divide evenly. */
  private static final String SCRIPT = "\\set d random(3, 27)\nINSERT INTO seen VALUES (:d);\n";
  private static final Workload PASS = new Workload("first_pass", "first pass", Workload.Kind.FIRST_PASS, SCRIPT, 8,
      PgBenchScript.Mode.SIMPLE, 0);

  @TempDir Path scratch;

  @Test
  void pgbenchSendsEveryDistinctStatementOnce() throws Exception {
    Optional<Path> binaries = LocalPostgresCluster.findBinaries();
    Optional<Path> pgbench = PgBench.find();
    assumeTrue(binaries.isPresent() && pgbench.isPresent(), "PostgreSQL and pgbench are not installed");
    try (LocalPostgresCluster postgres = LocalPostgresCluster.start(binaries.get())) {
      PgEndpoint endpoint = new PgEndpoint("127.0.0.1", postgres.port(), LocalPostgresCluster.USER, "postgres");
      try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), LocalPostgresCluster.USER, "");
          Statement statement = connection.createStatement()) {
        statement.execute("CREATE TABLE seen (d integer)");
        long nanos = new PgBench(pgbench.get(), 1, scratch).nanosPerStatementOfFirstPass(endpoint, PASS, SCRIPT);
        assertThat(nanos).isPositive();
        assertEveryValueOnce(statement);
      }
    }
  }

  @Test
  void inProcessClientsSendEveryDistinctStatementOnce() throws Exception {
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      database.execute("CREATE TABLE seen (d integer)");
      long nanos = new InProcessClients(database::connect, 1).nanosPerStatementOfFirstPass(PASS, SCRIPT);
      assertThat(nanos).isPositive();
      try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
        assertEveryValueOnce(statement);
      }
    }
  }

  @Test
  void theDashboardMixIsWarmedByItsFirstPass() {
    Workload mix = Workload.all(100_000, 20_000, 10_000).stream().filter(w -> w.name().equals("dashboard_mix")).findFirst()
        .orElseThrow();
    Workload pass = mix.firstPass().orElseThrow();
    assertThat(pass.kind()).isEqualTo(Workload.Kind.FIRST_PASS);
    assertThat(pass.sql()).isEqualTo(mix.sql());
    assertThat(pass.clients()).isEqualTo(mix.clients());
    assertThat(pass.mode()).isEqualTo(mix.mode());
    assertThat(PgBenchScript.parse(pass.sql()).distinctStatements()).isEqualTo(250);
    // The derived script keeps the statement's text, so pgbench sends the texts the timed runs send.
    assertThat(PgBenchScript.parse(mix.sql()).firstPassScript(8))
        .contains("SELECT symbol, count(*), sum(quantity), avg(price) FROM {trades} WHERE date = DATE '2024-01-01' + :d GROUP BY symbol;\n");
  }

  private static void assertEveryValueOnce(Statement statement) throws Exception {
    try (ResultSet rows = statement.executeQuery("SELECT count(*), count(DISTINCT d), min(d), max(d) FROM seen")) {
      assertThat(rows.next()).isTrue();
      assertThat(new long[] {rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4)}).containsExactly(25, 25, 3, 27);
    }
  }
}
