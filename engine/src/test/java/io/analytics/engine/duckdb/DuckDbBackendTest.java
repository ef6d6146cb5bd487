package io.analytics.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.error.PlatformException;
import java.nio.file.Path;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuckDbBackendTest {
  @TempDir Path dir;

  @Test
  void readsParquetDefinesViewsAndQueriesAsRowsOrArrow() throws Exception {
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      DuckDbBackend backend = new DuckDbBackend(database);
      database.execute("COPY (SELECT range AS n, 'a' AS tag FROM range(5)) TO '" + dir + "' (FORMAT parquet, PARTITION_BY (tag))");
      String glob = dir + "/**/*.parquet";

      assertThat(backend.readParquet(glob).size()).isEqualTo(5);
      backend.createParquetView("numbers", glob);
      QueryRows rows = backend.query("SELECT sum(n) AS total, any_value(tag) AS tag FROM numbers");
      assertThat(rows.asMaps()).singleElement().satisfies(row -> {
        assertThat(row.get("total").toString()).isEqualTo("10");
        assertThat(row.get("tag")).isEqualTo("a");
      });
      try (RootAllocator allocator = new RootAllocator();
          DuckDbBackend.ArrowQuery arrow = backend.queryArrow("SELECT n FROM numbers", allocator, 1024)) {
        long count = 0;
        while (arrow.reader().loadNextBatch()) {
          count += arrow.reader().getVectorSchemaRoot().getRowCount();
        }
        assertThat(count).isEqualTo(5);
      }
    }
  }

  /** Results stream; an error DuckDB raises on the first rows still comes back with its own reason. */
  @Test
  void aStreamedQueryThatFailsAtOnceReportsDuckDbsError() {
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
        RootAllocator allocator = new RootAllocator()) {
      DuckDbBackend backend = new DuckDbBackend(database);
      PlatformException error = catchThrowableOfType(PlatformException.class,
          () -> backend.queryArrow("SELECT 9223372036854775807::BIGINT + range FROM range(1, 3)", allocator, 1024).close());
      assertThat(error.sqlState().code()).isEqualTo("22003");
      assertThat(error.getMessage()).isEqualTo("bigint out of range").doesNotContain("Invalid result set");
    }
  }
}
