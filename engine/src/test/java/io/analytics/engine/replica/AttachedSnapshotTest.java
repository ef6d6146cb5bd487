package io.analytics.engine.replica;

import static io.analytics.engine.replica.WarehouseWithLake.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.replica.SnapshotPointer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.lake.LakeViews;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttachedSnapshotTest {
  @TempDir Path root;

  @Test
  void placeholderThenNewerSnapshotsReplaceEachOtherForNewStatements() throws Exception {
    try (WarehouseWithLake lake = new WarehouseWithLake(root);
        DuckDbDatabase replica = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      AttachedSnapshot snapshot = AttachedSnapshot.placeholder(replica, lake.home(), root.resolve("scratch"));
      replica.restrictFileAccess(List.of(lake.home().dataDir(), lake.home().snapshotsDir()));
      assertThat(snapshot.sequence()).isZero();
      assertThat(value(replica, "SELECT count(*) FROM duckdb_schemas() WHERE database_name = 'warehouse' AND schema_name = 'gold'"))
          .isEqualTo("1");

      SnapshotPointer first = lake.publisher().publish();
      assertThat(snapshot.follow(first)).isTrue();
      assertThat(snapshot.follow(first)).as("not newer").isFalse();
      try (Connection running = replica.connect(); Statement statement = running.createStatement()) {
        statement.execute("BEGIN");
        assertThat(count(statement, "SELECT count(*) FROM warehouse.derived.positions")).isEqualTo(3);

        lake.warehouse().execute("INSERT INTO derived.positions VALUES ('NEW', 9)");
        SnapshotPointer second = lake.publisher().publish();
        assertThat(snapshot.follow(second)).isTrue();

        assertThat(value(replica, "SELECT count(*) FROM warehouse.derived.positions")).isEqualTo("4");
        assertThat(count(statement, "SELECT count(*) FROM warehouse.derived.positions"))
            .as("a transaction that began on the old snapshot keeps it").isEqualTo(3);
        statement.execute("COMMIT");
      }
      assertThat(snapshot.sequence()).isEqualTo(2);
      assertThatThrownBy(() -> replica.execute("INSERT INTO warehouse.derived.positions VALUES ('NO', 0)"))
          .as("DuckDB's own refusal is PostgreSQL's read-only error")
          .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.READ_ONLY_SQL_TRANSACTION));
    }
  }

  @Test
  void aSnapshotThatCannotBeAttachedLeavesTheCurrentOneInPlace() {
    try (WarehouseWithLake lake = new WarehouseWithLake(root);
        DuckDbDatabase replica = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      AttachedSnapshot snapshot = AttachedSnapshot.placeholder(replica, lake.home(), root.resolve("scratch"));
      SnapshotPointer first = lake.publisher().publish();
      snapshot.follow(first);
      SnapshotPointer gone = new SnapshotPointer(9, SnapshotPointer.fileName(9), first.warehouse());

      assertThatThrownBy(() -> snapshot.follow(gone)).isInstanceOf(PlatformException.class);

      assertThat(snapshot.sequence()).isEqualTo(1);
      assertThat(value(replica, "SELECT count(*) FROM warehouse.derived.positions")).isEqualTo("3");
    }
  }

  @Test
  void aViewOfTheSnapshotOverALakeTableReadsTheReplicasFresherLakeView() {
    try (WarehouseWithLake lake = new WarehouseWithLake(root);
        DuckDbDatabase replica = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      AttachedSnapshot snapshot = AttachedSnapshot.placeholder(replica, lake.home(), root.resolve("scratch"));
      snapshot.follow(lake.publisher().publish());
      lake.addTradesFile();
      new LakeViews(replica, new LakeScanner(lake.home())).refresh();

      // bronze listed in both catalogs, as the gateway's replica search path does it.
      String path = "SET search_path = 'warehouse.main,warehouse.bronze,memory.bronze'";
      assertThat(countWithPath(replica, path, "SELECT count(*) FROM bronze.trades")).isEqualTo(20);
      assertThat(countWithPath(replica, path, "SELECT count(*) FROM bronze.big_trades"))
          .as("the snapshot's view finds the replica's bronze.trades, which has the new file").isEqualTo(10);
      assertThat(countWithPath(replica, path, "SELECT count(*) FROM derived.positions")).isEqualTo(3);
    }
  }

  private static long countWithPath(DuckDbDatabase database, String setPath, String sql) {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
      statement.execute(setPath);
      return count(statement, sql);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static long count(Statement statement, String sql) throws java.sql.SQLException {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
