package io.analytics.gateway.pgcatalog;

import static org.assertj.core.api.Assertions.assertThatCode;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every catalog object a session creates is valid DuckDB, in an order where each finds what it uses.
 * A session only logs a failed object (and inside a client's transaction the failure would abort it),
 * so this is where a broken one is caught.
 */
class PgCatalogObjectsTest {
  @Test
  void everyObjectIsCreatedInOrder() throws Exception {
    List<LakeCatalogFacts.DatasetFacts> lake = List.of(
        new LakeCatalogFacts.DatasetFacts("gold", "it's", 1234, 10, "a 'quoted' description", Map.of("a", "column a")),
        new LakeCatalogFacts.DatasetFacts("bronze", "trades", 0, -1, null, Map.of()));
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
        Connection connection = database.connect();
        Statement statement = connection.createStatement()) {
      statement.execute("CREATE SCHEMA gold");
      statement.execute("CREATE VIEW gold.\"it's\" AS SELECT 1 AS a");
      for (String sql : PgCatalogObjects.statements(PlatformConfig.defaults(), "lake", lake)) {
        assertThatCode(() -> statement.execute(sql)).as(sql).doesNotThrowAnyException();
      }
      assertThatCode(() -> statement.executeQuery("SELECT obj_description(pg_regclass('gold.\"it''s\"'), 'pg_class'), "
          + "col_description(pg_regclass('pg_class'), 1), version(), pg_table_size(1), reltuples FROM pg_class").close())
          .doesNotThrowAnyException();
    }
  }
}
