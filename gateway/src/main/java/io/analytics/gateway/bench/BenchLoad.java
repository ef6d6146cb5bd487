package io.analytics.gateway.bench;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.ingest.IngestionPipeline;
import io.analytics.engine.lake.PipelineConfig;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * Puts the benchmark's data where each side needs it (PostgreSQL's tables, the gateway's warehouse
 * tables), and the ingest workload's runs on PostgreSQL and on the platform's ingest pipeline.
 */
final class BenchLoad {
  private BenchLoad() {}

  /** The trades, the accounts, pgbench's tables and the lookup tables into PostgreSQL, then VACUUM ANALYZE. */
  static void postgres(PgEndpoint endpoint, Path tradesCsv, int pgbenchScale) throws Exception {
    try (Connection connection = connect(endpoint); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE trades (" + BenchData.POSTGRES_COLUMNS + ")");
      try (Reader reader = Files.newBufferedReader(tradesCsv)) {
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY trades FROM STDIN (FORMAT csv)", reader);
      }
      for (String sql : concat(concat(BenchData.postgresAccounts(BenchData.ACCOUNT_ROWS), BenchData.pgbenchTables(pgbenchScale)),
          BenchData.postgresLookups(BenchData.SMALL_LOOKUP_ROWS))) {
        statement.execute(sql);
      }
      statement.execute("CREATE TABLE ingest_trades (" + BenchData.POSTGRES_COLUMNS + ")");
      statement.execute("VACUUM ANALYZE");
    }
  }

  /** The accounts and pgbench's tables into the gateway's warehouse, with plain SQL over the wire. */
  static void gateway(PgEndpoint endpoint, int pgbenchScale) throws Exception {
    try (Connection connection = connect(endpoint); Statement statement = connection.createStatement()) {
      for (String sql : concat(BenchData.duckDbAccounts(BenchData.ACCOUNT_ROWS), BenchData.pgbenchTables(pgbenchScale))) {
        statement.execute(sql);
      }
    }
  }

  /** PostgreSQL's side of the ingest workload: COPY of the CSV into an emptied table. */
  static IngestRun postgresIngest(PgEndpoint endpoint, Path csv) {
    return () -> {
      try (Connection connection = connect(endpoint); Statement statement = connection.createStatement();
          Reader reader = Files.newBufferedReader(csv)) {
        statement.execute("TRUNCATE ingest_trades");
        long started = System.nanoTime();
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY ingest_trades FROM STDIN (FORMAT csv, HEADER true)", reader);
        return System.nanoTime() - started;
      }
    };
  }

  /**
   * The platform's side: {@code analytics ingest --schema TradeSchema --partition-by date} of the CSV
   * (validation, quarantine, atomic commit) into a fresh home each run, as the ingest ledger would
   * otherwise skip a file it has already taken.
   */
  static IngestRun platformIngest(Path scratch, Path csv) {
    return () -> {
      PlatformHome home = new PlatformHome(scratch.resolve("ingest-home-" + System.nanoTime()));
      try {
        home.ensureLayout();
        IngestionPipeline pipeline = new IngestionPipeline("bench", new PipelineConfig(home, PlatformConfig.defaults()),
            "bronze.trades", StandardSchemas.TRADE, List.of("date"));
        long started = System.nanoTime();
        pipeline.ingestCsv(csv);
        return System.nanoTime() - started;
      } finally {
        BenchCommand.deleteRecursively(home.root());
      }
    };
  }

  private static Connection connect(PgEndpoint endpoint) throws Exception {
    Properties properties = new Properties();
    properties.setProperty("user", endpoint.user());
    return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
  }

  private static List<String> concat(List<String> first, List<String> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
