package io.analytics.iceberg.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.ingest.IngestionPipeline;
import io.analytics.engine.lake.LakeFixture;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.iceberg.catalog.LakeCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JDBC catalog in PostgreSQL, chosen in config/platform.json: ingests are committed there. */
class PostgresCatalogTest {
  @TempDir Path dir;

  @Test
  void ingestsAreCommittedToTheCatalogInPostgres() throws Exception {
    PostgresServer postgres = PostgresServer.shared();
    String database = postgres.createDatabase("iceberg_catalog");
    LakeFixture lake = LakeFixture.in(dir);
    String config = "{\"iceberg\": {\"catalog\": \"postgres\", \"uri\": \"" + postgres.jdbcUrl(database)
        + "\", \"user\": \"" + PostgresServer.USER + "\", \"password\": \"" + PostgresServer.PASSWORD + "\"}}";
    Files.writeString(lake.home().configFile(), config);

    new IngestionPipeline("t", lake.config(), "bronze.trades", StandardSchemas.TRADE, List.of("date"))
        .ingestCsv(lake.write("day1.csv", LakeTablesTest.DAY1));

    IcebergConfig iceberg = PlatformConfig.load(lake.home().configFile(), java.util.Map.of()).iceberg();
    try (LakeCatalog catalog = LakeCatalog.open(lake.home(), iceberg)) {
      Table table = catalog.catalog().loadTable(LakeTablesTest.TRADES);
      assertThat(table.currentSnapshot().summary()).containsEntry("total-records", "3");
    }
    assertThat(LakeCatalog.sharedProperties(lake.home(), iceberg)).containsEntry("uri", postgres.jdbcUrl(database))
        .containsEntry("jdbc.user", PostgresServer.USER).doesNotContainKey("jdbc.password");
    try (Connection connection = postgres.connect(database);
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT catalog_name, table_namespace, table_name FROM iceberg_tables")) {
      assertThat(rows.next()).isTrue();
      assertThat(List.of(rows.getString(1), rows.getString(2), rows.getString(3))).containsExactly("lake", "bronze", "trades");
    }
    assertThat(Files.exists(LakeCatalog.catalogFile(lake.home()))).as("no SQLite catalog").isFalse();
  }
}
