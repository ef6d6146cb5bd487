package io.analytics.engine.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseCompactorTest {
  @TempDir Path root;

  @Test
  void givesBackTheSpaceOfDroppedTablesAndKeepsTheRest() throws Exception {
    PlatformHome home = new PlatformHome(root);
    home.ensureLayout();
    try (DuckDbDatabase warehouse = DuckDbDatabase.openWarehouse(home, DuckDbConfig.defaults())) {
      warehouse.execute("CREATE SCHEMA derived");
      warehouse.execute("CREATE TABLE derived.kept AS SELECT i, 'row ' || i AS label FROM range(1000) t(i)");
      warehouse.execute("CREATE TABLE derived.scratch AS SELECT i, md5(i::VARCHAR) AS h FROM range(2000000) t(i)");
      warehouse.execute("CHECKPOINT");
      warehouse.execute("DROP TABLE derived.scratch");
      warehouse.execute("CHECKPOINT");
    }
    long grown = Files.size(home.warehouseFile());

    WarehouseCompactor.Result result = new WarehouseCompactor(home.warehouseFile(), DuckDbConfig.defaults()).compact();

    assertThat(result.bytesBefore()).isEqualTo(grown);
    assertThat(result.bytesAfter()).isLessThan(grown / 4);
    assertThat(home.warehouseFile().resolveSibling("warehouse.duckdb.compacting")).doesNotExist();
    try (DuckDbDatabase warehouse = DuckDbDatabase.openWarehouse(home, DuckDbConfig.defaults());
        Connection connection = warehouse.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*), max(label) FROM derived.kept")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(1000);
      assertThat(rows.getString(2)).isEqualTo("row 999");
    }
  }
}
