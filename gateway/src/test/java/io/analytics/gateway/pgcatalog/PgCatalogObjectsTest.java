package io.analytics.gateway.pgcatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.nio.file.Path;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every catalog object a session creates is valid DuckDB, in an order where each finds what it uses.
 * A session only logs a failed object (and inside a client's transaction the failure would abort it),
 * so this is where a broken one is caught.
 */
class PgCatalogObjectsTest {
  @TempDir Path lakeDirectory;

  @Test
  void everyObjectIsCreatedInOrder() throws Exception {
    Path partition = Files.createDirectories(lakeDirectory.resolve("part=1"));
    List<LakeCatalogFacts.DatasetFacts> lake = List.of(
        new LakeCatalogFacts.DatasetFacts("gold", "parquet", new DatasetFiles(lakeDirectory, List.of(partition.resolve("a.parquet")),
            1, List.of("part")), 2, null, Map.of()),
        new LakeCatalogFacts.DatasetFacts("gold", "it's", new DatasetFiles(Path.of("/lake/gold/it's"), List.of(), 1234, List.of()), 10, "a 'quoted' description", Map.of("a", "column a")),
        new LakeCatalogFacts.DatasetFacts("bronze", "trades", DatasetFiles.of(Path.of("/lake/bronze/trades")), -1, null, Map.of()));
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
        Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA gold");
      statement.execute("CREATE VIEW gold.\"it's\" AS SELECT 1 AS a");
      statement.execute("COPY (SELECT * FROM (VALUES (1, 'x'), (NULL, 'y')) t(a, b)) TO '" + partition.resolve("a.parquet") + "'");
      statement.execute("CREATE VIEW gold.parquet AS SELECT * FROM read_parquet('" + partition.resolve("a.parquet") + "', hive_partitioning = true)");
      for (String sql : PgCatalogObjects.statements(PlatformConfig.defaults(), "lake", lake)) {
        assertThatCode(() -> statement.execute(sql)).as(sql).doesNotThrowAnyException();
      }
      assertThatCode(() -> statement.executeQuery("SELECT obj_description(pg_regclass('gold.\"it''s\"'), 'pg_class'), "
          + "col_description(pg_regclass('pg_class'), 1), version(), pg_table_size(1), reltuples FROM pg_class").close())
          .doesNotThrowAnyException();
      try (ResultSet rows = statement.executeQuery("SELECT attname, null_frac, n_distinct FROM pg_stats ORDER BY attname")) {
        List<String> stats = new java.util.ArrayList<>();
        while (rows.next()) {
          stats.add(rows.getString(1) + ":" + rows.getFloat(2) + ":" + rows.getFloat(3));
        }
        assertThat(stats).containsExactly("a:0.5:0.0", "b:0.0:0.0", "part:0.0:-0.5");
      }
    }
  }
}
