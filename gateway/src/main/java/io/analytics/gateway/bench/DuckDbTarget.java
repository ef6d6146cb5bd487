package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Map;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * The baseline: DuckDB in this process over the same Parquet files, its results read through the
 * Arrow export (the fastest way out of DuckDB; what the gateway itself uses); pgbench's transactions
 * run by threads of its own, and ingest as DuckDB's own read_csv into a date-partitioned COPY.
 */
final class DuckDbTarget implements BenchTarget {
  private static final Map<String, String> TABLES =
      Map.of("trades", "trades", "accounts", "accounts", "lookup_large", "lookup_large", "lookup_small", "lookup_small");

  private final DuckDbDatabase database;
  private final DuckDBConnection connection;
  private final BufferAllocator allocator = new RootAllocator();
  private final InProcessClients clients;
  private final Path ingestCsv;
  private final Path scratch;

  /**
   * @param dataDir the lake's data folder (bronze/trades, gold/lookup_large, gold/lookup_small)
   * @param pgbenchScale the scale of pgbench's tables, created here as on the other targets
   */
  DuckDbTarget(Path dataDir, int pgbenchScale, Path ingestCsv, Path scratch, int pgbenchSeconds) {
    this.ingestCsv = requireNonNull(ingestCsv, "ingestCsv is null");
    this.scratch = requireNonNull(scratch, "scratch is null");
    this.database = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
    database.execute("CREATE VIEW trades AS SELECT * FROM read_parquet('" + dataDir.resolve("bronze/trades/**/*.parquet")
        + "', hive_partitioning = true)");
    for (String lookup : new String[] {"lookup_large", "lookup_small"}) {
      database.execute("CREATE VIEW " + lookup + " AS SELECT * FROM read_parquet('" + dataDir.resolve("gold").resolve(lookup)
          + "/*.parquet')");
    }
    BenchData.duckDbAccounts(BenchData.ACCOUNT_ROWS).forEach(database::execute);
    BenchData.pgbenchTables(pgbenchScale).forEach(database::execute);
    this.connection = database.connect();
    this.clients = new InProcessClients(database::connect, pgbenchSeconds);
  }

  @Override
  public String name() {
    return BenchCommand.DUCKDB;
  }

  @Override
  public long run(Workload workload) throws Exception {
    return switch (workload.kind()) {
      case ROUND_TRIPS -> RoundTrips.nanosPerQuery(connection, workload.sqlFor(TABLES), workload.keys());
      case PGBENCH -> clients.nanosPerTransaction(workload, workload.sqlFor(TABLES));
      case FIRST_PASS -> clients.nanosPerStatementOfFirstPass(workload, workload.sqlFor(TABLES));
      case INGEST -> ingest();
      default -> export(workload);
    };
  }

  private long export(Workload workload) throws Exception {
    String sql = workload.kind() == Workload.Kind.COPY ? "SELECT * FROM trades" : workload.sqlFor(TABLES);
    long started = System.nanoTime();
    try (PreparedStatement statement = connection.prepareStatement(sql);
        DuckDBResultSet rows = statement.executeQuery().unwrap(DuckDBResultSet.class);
        ArrowReader reader = (ArrowReader) rows.arrowExportStream(allocator, 2048)) {
      while (reader.loadNextBatch()) {
        reader.getVectorSchemaRoot().getRowCount();
      }
    }
    return System.nanoTime() - started;
  }

  /** DuckDB's own CSV reader into date-partitioned Parquet: the floor for the platform's ingest. */
  private long ingest() throws Exception {
    Path target = scratch.resolve("duckdb-ingest-" + System.nanoTime());
    try (Statement statement = connection.createStatement()) {
      long started = System.nanoTime();
      statement.execute("COPY (SELECT * FROM read_csv('" + ingestCsv + "')) TO '" + target
          + "' (FORMAT parquet, PARTITION_BY (date))");
      return System.nanoTime() - started;
    } finally {
      BenchCommand.deleteRecursively(target);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (java.sql.SQLException e) {
      // closing a benchmark connection
    }
    database.close();
    allocator.close();
  }
}
