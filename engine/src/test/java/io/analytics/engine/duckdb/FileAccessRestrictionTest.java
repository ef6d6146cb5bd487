package io.analytics.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.error.PlatformException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DuckDB's own wall: once restricted, no statement reads or writes outside the allowed directories. */
class FileAccessRestrictionTest {
  @TempDir Path root;

  @Test
  void onlyTheAllowedDirectoriesCanBeReadOrWritten() throws Exception {
    Path lake = Files.createDirectories(root.resolve("data"));
    Path outside = Files.writeString(root.resolve("secret.txt"), "secret");
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      database.execute("COPY (SELECT 42 AS answer) TO '" + lake.resolve("a.parquet") + "' (FORMAT parquet)");
      database.restrictFileAccess(List.of(lake));

      database.execute("CREATE VIEW answers AS SELECT * FROM read_parquet('" + lake.resolve("*.parquet") + "')");
      for (String sql : List.of(
          "SELECT * FROM read_text('" + outside + "')",
          "SELECT * FROM read_text('" + lake + "/../secret.txt')",
          "COPY (SELECT 1) TO '" + root.resolve("out.csv") + "'",
          "ATTACH '" + root.resolve("other.duckdb") + "' AS other",
          "LOAD httpfs",
          "SET enable_external_access = true")) {
        assertThatThrownBy(() -> database.execute(sql)).as(sql).isInstanceOf(PlatformException.class);
      }
      assertThat(root.resolve("out.csv")).doesNotExist();
    }
  }
}
