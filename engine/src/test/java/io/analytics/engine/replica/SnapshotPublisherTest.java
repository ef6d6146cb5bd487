package io.analytics.engine.replica;

import static io.analytics.engine.replica.WarehouseWithLake.value;
import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.replica.SnapshotPointer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotPublisherTest {
  @TempDir Path root;

  @Test
  void publishesACompleteCopyWithoutTheLakesViewsAndMovesThePointerToIt() throws Exception {
    try (WarehouseWithLake lake = new WarehouseWithLake(root)) {
      SnapshotPublisher publisher = lake.publisher();
      assertThat(publisher.isCurrent()).isFalse();

      SnapshotPointer pointer = publisher.publish();

      assertThat(pointer.sequence()).isEqualTo(1);
      assertThat(SnapshotPointer.current(lake.home())).contains(pointer);
      assertThat(publisher.isCurrent()).isTrue();
      try (Stream<Path> staging = Files.list(lake.stagingDir())) {
        assertThat(staging).as("nothing left in the staging folder").isEmpty();
      }
      try (DuckDbDatabase reader = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
        reader.execute("ATTACH '" + pointer.path(lake.home()) + "' AS snapshot (READ_ONLY)");
        assertThat(value(reader, "SELECT count(*) FROM snapshot.derived.positions")).isEqualTo("3");
        assertThat(value(reader, "SELECT string_agg(schema_name || '.' || view_name, ',' ORDER BY view_name) "
            + "FROM duckdb_views() WHERE database_name = 'snapshot' AND NOT internal"))
            .as("the warehouse's own view is kept, the lake's view of bronze.trades is not")
            .isEqualTo("bronze.big_trades");
        assertThat(value(reader, "SELECT string_agg(schema_name, ',' ORDER BY schema_name) FROM duckdb_schemas() "
            + "WHERE database_name = 'snapshot' AND schema_name IN ('bronze', 'silver', 'gold')"))
            .isEqualTo("bronze,gold,silver");
      }
    }
  }

  @Test
  void aChangeOfTheWarehouseMakesTheSnapshotStaleAndTheNextOneGetsTheNextNumber() {
    try (WarehouseWithLake lake = new WarehouseWithLake(root)) {
      SnapshotPublisher publisher = lake.publisher();
      publisher.publish();
      lake.warehouse().execute("SELECT count(*) FROM derived.positions");
      assertThat(publisher.isCurrent()).as("reads change nothing").isTrue();

      lake.warehouse().execute("INSERT INTO derived.positions VALUES ('NEW', 9)");
      assertThat(publisher.isCurrent()).isFalse();

      SnapshotPointer second = publisher.publish();
      assertThat(second.sequence()).isEqualTo(2);
      assertThat(second.path(lake.home())).exists();
      assertThat(SnapshotPointer.current(lake.home())).contains(second);
    }
  }
}
