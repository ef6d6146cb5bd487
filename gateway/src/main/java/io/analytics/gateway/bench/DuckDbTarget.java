package io.analytics.gateway.bench;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * The baseline: DuckDB in this process over the same Parquet files, its results read through the
 * Arrow export (the fastest way out of DuckDB; what the gateway itself uses).
 */
final class DuckDbTarget implements BenchTarget {
  private final DuckDbDatabase database;
  private final DuckDBConnection connection;
  private final BufferAllocator allocator = new RootAllocator();
  private final int accountRows;

  DuckDbTarget(Path tradesGlob, int accountRows) {
    this.accountRows = accountRows;
    this.database = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
    database.execute("CREATE VIEW trades AS SELECT * FROM read_parquet('" + tradesGlob + "', hive_partitioning = true)");
    BenchData.duckDbAccounts(accountRows).forEach(database::execute);
    this.connection = database.connect();
  }

  @Override
  public String name() {
    return "DuckDB in-process";
  }

  @Override
  public long run(Workload workload) throws Exception {
    if (workload.kind() == Workload.Kind.ROUND_TRIPS) {
      boolean lookup = workload.name().equals("point_lookup");
      Random random = new Random(7);
      try (PreparedStatement statement = connection.prepareStatement(lookup ? workload.sql().formatted("accounts") : workload.sql())) {
        long started = System.nanoTime();
        for (int i = 0; i < Workload.ROUND_TRIPS; i++) {
          if (lookup) {
            statement.setLong(1, random.nextInt(accountRows));
          }
          try (ResultSet rows = statement.executeQuery()) {
            rows.next();
          }
        }
        return (System.nanoTime() - started) / Workload.ROUND_TRIPS;
      }
    }
    String sql = workload.kind() == Workload.Kind.COPY ? "SELECT * FROM trades" : workload.sql().formatted("trades");
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
