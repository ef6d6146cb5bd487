package io.analytics.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformConfigTest {
  @TempDir Path dir;

  @Test
  void defaultsHaveNoSourcesAndRoundTripThroughJson() throws Exception {
    PlatformConfig defaults = PlatformConfig.defaults();
    assertThat(defaults.sources()).isEmpty();
    Path file = dir.resolve("platform.json");
    Files.writeString(file, defaults.toJson());
    assertThat(PlatformConfig.fromFile(file)).isEqualTo(defaults);
  }

  @Test
  void sourceFromAPostgresqlUrl() {
    PostgresSourceConfig source = PostgresSourceConfig.fromUrl("oltp", "postgresql://trader:p%40ss@db.internal:6543/trading");

    assertThat(source).isEqualTo(new PostgresSourceConfig("oltp", "db.internal", 6543, "trading", "trader", "p@ss", null, null));
    assertThat(source.readOnly()).isTrue();
    assertThat(source.syncIntervalSeconds()).isEqualTo(PostgresSourceConfig.DEFAULT_SYNC_INTERVAL_SECONDS);
    assertThat(PostgresSourceConfig.fromUrl("oltp", "postgres://localhost/app"))
        .isEqualTo(new PostgresSourceConfig("oltp", "localhost", 5432, "app", null, null, null, null));
    assertThatThrownBy(() -> PostgresSourceConfig.fromUrl("oltp", "mysql://u:secret@h/db"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("postgresql://")
        .hasMessageNotContaining("secret");
  }

  @Test
  void sourcesDeclareSyncIntervalAndIncrementalColumns() throws Exception {
    Path file = dir.resolve("platform.json");
    Files.writeString(file, "{\"sources\": [{\"name\": \"oltp\", \"syncIntervalSeconds\": 60,"
        + " \"incremental\": {\"fills\": \"fill_id\"}}], \"duckdb\": {\"extensionDirectory\": \"/opt/ext\"}}");

    PlatformConfig config = PlatformConfig.fromFile(file);

    assertThat(config.sources().get(0).syncIntervalSeconds()).isEqualTo(60);
    assertThat(config.sources().get(0).incremental()).containsEntry("fills", "fill_id");
    assertThat(config.duckdb().extensionDirectory()).isEqualTo("/opt/ext");
    assertThat(reread(config)).isEqualTo(config);
  }

  @Test
  void readsSourcesWithDefaults() throws Exception {
    Path file = dir.resolve("platform.json");
    Files.writeString(file, "{\"sources\": [{\"name\": \"crm\", \"host\": \"db\", \"schemas\": [\"sales\"]}]}");
    PostgresSourceConfig source = PlatformConfig.fromFile(file).sources().get(0);
    assertThat(source.port()).isEqualTo(5432);
    assertThat(source.database()).isEqualTo("crm");
    assertThat(source.readOnly()).isTrue();
    assertThat(source.jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/crm");
  }

  @Test
  void replicationTimingsHaveDefaultsAndAreCheckedByName() throws Exception {
    Path file = dir.resolve("platform.json");
    Files.writeString(file, "{\"gateway\": {\"replication\": {\"pollMillis\": 250, \"leaseSeconds\": 30}}}");

    ReplicationConfig replication = PlatformConfig.fromFile(file).gateway().replication();

    assertThat(replication).isEqualTo(new ReplicationConfig(250, 30, 60));
    assertThat(replication.leaseRenewalMillis()).isEqualTo(10_000);
    assertThat(PlatformConfig.defaults().gateway().replication()).isEqualTo(new ReplicationConfig(500, 15, 60));
    assertThat(reread(PlatformConfig.fromFile(file))).isEqualTo(PlatformConfig.fromFile(file));
    Files.writeString(file, "{\"gateway\": {\"replication\": {\"leaseSeconds\": 1}}}");
    assertThatThrownBy(() -> PlatformConfig.fromFile(file)).hasMessageContaining("\"gateway.replication.leaseSeconds\"");
  }

  @Test
  void unknownKeyInASourceIsAnErrorNamingTheKey() throws Exception {
    Path file = dir.resolve("platform.json");
    Files.writeString(file, "{\"sources\": [{\"name\": \"crm\", \"hots\": \"db\"}]}");
    assertThatThrownBy(() -> PlatformConfig.fromFile(file)).hasMessageContaining("\"sources[0].hots\"");
  }

  @Test
  void wrongTypeIsAnErrorNamingTheKey() throws Exception {
    Path file = dir.resolve("platform.json");
    Files.writeString(file, "{\"duckdb\": {\"threads\": \"four\"}}");
    assertThatThrownBy(() -> PlatformConfig.fromFile(file)).hasMessageContaining("\"duckdb.threads\"");
  }

  @Test
  void postgresEnvironmentDefinesTheSourceNamedByPostgresDb() {
    PlatformConfig config =
        PlatformConfig.defaults()
            .withEnvironment(
                Map.of("POSTGRES_DB", "market", "POSTGRES_HOST", "pg", "POSTGRES_PORT", "6543", "POSTGRES_USER", "me",
                    "POSTGRES_PASSWORD", "secret"));
    assertThat(config.sources()).singleElement().satisfies(source -> {
      assertThat(source.name()).isEqualTo("market");
      assertThat(source.host()).isEqualTo("pg");
      assertThat(source.port()).isEqualTo(6543);
      assertThat(source.user()).isEqualTo("me");
      assertThat(source.password()).isEqualTo("secret");
    });
  }

  @Test
  void postgresEnvironmentOverridesTheConfiguredSourceOfThatName() {
    PostgresSourceConfig configured = new PostgresSourceConfig("market", "file-host", 5432, null, "reader", null, null, false);
    PlatformConfig config =
        new PlatformConfig(null, null, null, java.util.List.of(configured))
            .withEnvironment(Map.of("POSTGRES_DB", "market", "POSTGRES_HOST", "env-host"));
    assertThat(config.sources()).singleElement().satisfies(source -> {
      assertThat(source.host()).isEqualTo("env-host");
      assertThat(source.user()).isEqualTo("reader");
      assertThat(source.readOnly()).isFalse();
    });
  }

  @Test
  void analyticsEnvironmentOverridesGatewayAndDuckDbSettings() {
    PlatformConfig config =
        PlatformConfig.defaults()
            .withEnvironment(Map.of("ANALYTICS_PORT", "6000", "ANALYTICS_DUCKDB_THREADS", "3", "ANALYTICS_DUCKDB_MEMORY_LIMIT", "1GB"));
    assertThat(config.gateway().port()).isEqualTo(6000);
    assertThat(config.duckdb().threads()).isEqualTo(3);
    assertThat(config.duckdb().memoryLimit()).isEqualTo("1GB");
  }

  @Test
  void malformedEnvironmentValueIsAnErrorNamingTheVariable() {
    assertThatThrownBy(() -> PlatformConfig.defaults().withEnvironment(Map.of("POSTGRES_DB", "x", "POSTGRES_PORT", "abc")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("POSTGRES_PORT");
  }

  private PlatformConfig reread(PlatformConfig config) throws Exception {
    Path copy = Files.writeString(dir.resolve("copy.json"), config.toJson());
    return PlatformConfig.fromFile(copy);
  }
}
