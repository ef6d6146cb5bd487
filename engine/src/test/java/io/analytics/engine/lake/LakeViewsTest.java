package io.analytics.engine.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.testing.FirstColumn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake's views: files that share one schema are read without union_by_name (DuckDB binds from
 * one footer), files whose schemas differ still with it, and both views read every file's rows.
 */
class LakeViewsTest {
  @TempDir
  Path dir;

  @Test
  void filesOfOneSchemaAreReadWithoutUnionByNameAndFilesOfSeveralWithIt() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    home.ensureLayout();
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      Path alike = Files.createDirectories(home.dataDir().resolve("bronze").resolve("alike"));
      database.execute("COPY (SELECT 1 AS id, 'one' AS name) TO '" + alike.resolve("part-1.parquet") + "' (FORMAT parquet)");
      database.execute("COPY (SELECT 2 AS id, 'two' AS name) TO '" + alike.resolve("part-2.parquet") + "' (FORMAT parquet)");
      Path evolved = Files.createDirectories(home.dataDir().resolve("bronze").resolve("evolved"));
      database.execute("COPY (SELECT 1 AS id) TO '" + evolved.resolve("part-1.parquet") + "' (FORMAT parquet)");
      database.execute("COPY (SELECT 2 AS id, 'added' AS note) TO '" + evolved.resolve("part-2.parquet") + "' (FORMAT parquet)");

      new LakeViews(database, new LakeScanner(home)).refresh();

      try (Connection connection = database.connect()) {
        assertThat(FirstColumn.of(connection, "SELECT sql FROM duckdb_views() WHERE view_name = 'alike'").get(0))
            .doesNotContain("union_by_name");
        assertThat(FirstColumn.of(connection, "SELECT sql FROM duckdb_views() WHERE view_name = 'evolved'").get(0))
            .contains("union_by_name = true");
        assertThat(FirstColumn.of(connection, "SELECT id || ':' || name FROM bronze.alike ORDER BY id")).containsExactly("1:one", "2:two");
        assertThat(FirstColumn.of(connection, "SELECT id || ':' || coalesce(note, '-') FROM bronze.evolved ORDER BY id"))
            .containsExactly("1:-", "2:added");
      }
    }
  }
}
