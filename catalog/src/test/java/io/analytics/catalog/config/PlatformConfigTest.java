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
}
