package io.analytics.engine.replica;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.lake.LakeViews;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * A home whose lake has {@code bronze.trades} (one Parquet file per {@link #addTradesFile} call, 10
 * rows each) and whose warehouse, open and locked down as a gateway's is, has a table {@code
 * derived.positions} and a view over the lake, {@code bronze.big_trades}.
 */
final class WarehouseWithLake implements AutoCloseable {
  private final PlatformHome home;
  private final DuckDbDatabase warehouse;
  private final Path stagingDir;
  private int files;

  WarehouseWithLake(Path root) {
    this.home = new PlatformHome(root);
    home.ensureLayout();
    addTradesFile();
    this.stagingDir = home.tempDir().resolve("copy");
    this.warehouse = DuckDbDatabase.openWarehouse(home, DuckDbConfig.defaults());
    new LakeViews(warehouse, new LakeScanner(home)).refresh();
    warehouse.execute("CREATE SCHEMA derived");
    warehouse.execute("CREATE TABLE derived.positions AS SELECT 'SYM' || i AS symbol, i AS quantity FROM range(3) t(i)");
    warehouse.execute("CREATE VIEW bronze.big_trades AS SELECT * FROM bronze.trades WHERE quantity >= 5");
    warehouse.restrictFileAccess(List.of(home.dataDir(), stagingDir));
  }

  /** Writes one more file of 10 trades into the dataset folder (quantities 0 to 9). */
  void addTradesFile() {
    Path file = home.layerDir(Layer.BRONZE).resolve("trades").resolve("part-" + files++ + ".parquet");
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (DuckDbDatabase scratch = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      scratch.execute("COPY (SELECT i AS trade_id, i AS quantity FROM range(10) t(i)) TO '" + file + "' (FORMAT parquet)");
    }
  }

  PlatformHome home() {
    return home;
  }

  DuckDbDatabase warehouse() {
    return warehouse;
  }

  SnapshotPublisher publisher() {
    return new SnapshotPublisher(home, warehouse, stagingDir);
  }

  Path stagingDir() {
    return stagingDir;
  }

  /** The first column of the first row of a query on a connection of {@code database}, as text. */
  static String value(DuckDbDatabase database, String sql) {
    try (Connection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    warehouse.close();
  }
}
