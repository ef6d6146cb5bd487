package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Where the lake's datasets are published as Apache Iceberg tables (docs/SCALING.md): by default
 * an embedded catalog (a SQLite file in the home, no server), or a JDBC catalog in PostgreSQL that
 * other engines (Spark, Trino, Flink) share.
 *
 * @param enabled whether every lake commit is also an Iceberg commit
 * @param catalog {@code embedded} (SQLite in {@code iceberg/catalog.db}) or {@code postgres}
 * @param uri for postgres: the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/lake}
 * @param user for postgres: the login, or null
 * @param password for postgres: the password, or null
 * @param name the catalog's name (the {@code catalog_name} column other engines must use too)
 */
public record IcebergConfig(boolean enabled, String catalog, String uri, String user, String password, String name) {
  public static final String EMBEDDED = "embedded";
  public static final String POSTGRES = "postgres";
  public static final String DEFAULT_NAME = "lake";

  @JsonCreator
  public IcebergConfig(
      @JsonProperty("enabled") Boolean enabled,
      @JsonProperty("catalog") String catalog,
      @JsonProperty("uri") String uri,
      @JsonProperty("user") String user,
      @JsonProperty("password") String password,
      @JsonProperty("name") String name) {
    this(enabled == null || enabled, catalog == null ? EMBEDDED : catalog, uri, user, password,
        name == null ? DEFAULT_NAME : name);
  }

  public IcebergConfig {
    ConfigChecks.checkOneOf("iceberg.catalog", catalog, EMBEDDED, POSTGRES);
    if (POSTGRES.equals(catalog) && (uri == null || !uri.startsWith("jdbc:postgresql:"))) {
      throw new ConfigException("config key \"iceberg.uri\" must be a jdbc:postgresql: URL when iceberg.catalog is postgres");
    }
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new ConfigException("config key \"iceberg.name\" must be a plain identifier");
    }
  }

  public static IcebergConfig defaults() {
    return new IcebergConfig(true, EMBEDDED, null, null, null, DEFAULT_NAME);
  }

  public IcebergConfig withEnabled(boolean newEnabled) {
    return new IcebergConfig(newEnabled, catalog, uri, user, password, name);
  }
}
