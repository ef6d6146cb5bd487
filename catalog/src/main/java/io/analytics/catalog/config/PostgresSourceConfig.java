package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;

/**
 * A PostgreSQL database the platform can read from (and, when not read-only, export to).
 *
 * @param name how the platform refers to it (also the schema it will be attached as)
 * @param host host name, localhost by default
 * @param port TCP port, 5432 by default
 * @param database database name, the source's name by default
 * @param user login, postgres by default
 * @param password password, or null for none (prefer the POSTGRES_PASSWORD environment variable)
 * @param schemas schemas to expose, public by default
 * @param readOnly whether the platform may only read, true by default
 * @param syncIntervalSeconds how often a running gateway re-syncs the source's mirrors (300 by
 *     default; 0: only at gateway start and on {@code analytics sync})
 * @param incremental per table ({@code orders} or {@code schema.orders}), the column that makes its
 *     sync incremental: an updated-at timestamp (rows changed since the last sync are upserted by
 *     primary key) or an ever-increasing key (newer rows are appended); tables with a primary key
 *     and an {@code updated_at} column need no entry
 * @param changeCapture whether to follow the source by logical replication when it allows it
 *     ({@code wal_level = logical}, a role with REPLICATION): true by default
 * @param maxLagBytes how much WAL the source may keep for this platform's replication slot before
 *     change capture is stopped (the slot dropped) and the source is polled instead: 1 GiB by default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostgresSourceConfig(
    String name,
    String host,
    int port,
    String database,
    String user,
    String password,
    List<String> schemas,
    boolean readOnly,
    int syncIntervalSeconds,
    Map<String, String> incremental,
    boolean changeCapture,
    long maxLagBytes) {

  public static final int DEFAULT_SYNC_INTERVAL_SECONDS = 300;
  public static final long DEFAULT_MAX_LAG_BYTES = 1L << 30;

  @JsonCreator
  public PostgresSourceConfig(
      @JsonProperty("name") String name,
      @JsonProperty("host") String host,
      @JsonProperty("port") Integer port,
      @JsonProperty("database") String database,
      @JsonProperty("user") String user,
      @JsonProperty("password") String password,
      @JsonProperty("schemas") List<String> schemas,
      @JsonProperty("readOnly") Boolean readOnly,
      @JsonProperty("syncIntervalSeconds") Integer syncIntervalSeconds,
      @JsonProperty("incremental") Map<String, String> incremental,
      @JsonProperty("changeCapture") Boolean changeCapture,
      @JsonProperty("maxLagBytes") Long maxLagBytes) {
    this(
        name,
        host == null ? "localhost" : host,
        port == null ? 5432 : port,
        database == null ? name : database,
        user == null ? "postgres" : user,
        password,
        schemas == null ? List.of("public") : List.copyOf(schemas),
        readOnly == null || readOnly,
        syncIntervalSeconds == null ? DEFAULT_SYNC_INTERVAL_SECONDS : syncIntervalSeconds,
        incremental == null ? Map.of() : Map.copyOf(incremental),
        changeCapture == null || changeCapture,
        maxLagBytes == null ? DEFAULT_MAX_LAG_BYTES : maxLagBytes);
  }

  /** A source with change capture as configured by default. */
  public PostgresSourceConfig(
      String name, String host, Integer port, String database, String user, String password, List<String> schemas,
      Boolean readOnly, Integer syncIntervalSeconds, Map<String, String> incremental) {
    this(name, host, port, database, user, password, schemas, readOnly, syncIntervalSeconds, incremental, null, null);
  }

  /** A source with the default sync interval and no incremental columns declared. */
  public PostgresSourceConfig(
      String name, String host, Integer port, String database, String user, String password, List<String> schemas,
      Boolean readOnly) {
    this(name, host, port, database, user, password, schemas, readOnly, null, null);
  }

  public PostgresSourceConfig {
    database = database == null ? name : database;
    host = host == null ? "localhost" : host;
    user = user == null ? "postgres" : user;
    schemas = schemas == null ? List.of("public") : List.copyOf(schemas);
    incremental = incremental == null ? Map.of() : Map.copyOf(incremental);
    ConfigChecks.checkRange("sources[" + name + "].syncIntervalSeconds", syncIntervalSeconds, 0, 7 * 24 * 3600);
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ConfigException(
          "config key \"sources[].name\" must be a plain identifier (letters, digits, _), got "
              + (name == null ? "nothing" : "\"" + name + "\""));
    }
    ConfigChecks.checkRange("sources[" + name + "].port", port, 1, 65535);
    if (maxLagBytes < 1) {
      throw new ConfigException("config key \"sources[" + name + "].maxLagBytes\" must be at least 1, got " + maxLagBytes);
    }
    if (database == null || database.isBlank()) {
      throw new ConfigException("config key \"sources[" + name + "].database\" is empty");
    }
  }

  /** The JDBC URL for this source. */
  @JsonIgnore
  public String jdbcUrl() {
    String address = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + address + ":" + port + "/" + database;
  }

  /** The same source with the given fields replaced where they are not null. */
  public PostgresSourceConfig overriddenBy(String newHost, Integer newPort, String newUser, String newPassword) {
    return new PostgresSourceConfig(
        name,
        newHost == null ? host : newHost,
        newPort == null ? port : newPort,
        database,
        newUser == null ? user : newUser,
        newPassword == null ? password : newPassword,
        schemas,
        readOnly,
        syncIntervalSeconds,
        incremental,
        changeCapture,
        maxLagBytes);
  }

  /** The same source, writable (exports allowed) or read-only. */
  public PostgresSourceConfig withReadOnly(boolean newReadOnly) {
    return new PostgresSourceConfig(
        name, host, port, database, user, password, schemas, newReadOnly, syncIntervalSeconds, incremental,
        changeCapture, maxLagBytes);
  }

  /** The same source with change capture on or off, and its maximum lag. */
  public PostgresSourceConfig withChangeCapture(boolean enabled, long newMaxLagBytes) {
    return new PostgresSourceConfig(
        name, host, port, database, user, password, schemas, readOnly, syncIntervalSeconds, incremental,
        enabled, newMaxLagBytes);
  }

  /**
   * A source from a URL as {@code analytics attach} takes it: {@code
   * postgresql://user[:password]@host[:port]/database} ({@code postgres://} too; user info
   * percent-encoded as in libpq).
   */
  public static PostgresSourceConfig fromUrl(String name, String url) {
    URI uri;
    try {
      uri = new URI(url.trim());
    } catch (URISyntaxException e) {
      throw new ConfigException("not a postgresql:// URL: " + e.getMessage(), e);
    }
    if (!"postgresql".equals(uri.getScheme()) && !"postgres".equals(uri.getScheme())) {
      throw new ConfigException("expected a postgresql://user[:password]@host[:port]/database URL, got " + redact(url));
    }
    if (uri.getHost() == null) {
      throw new ConfigException("the URL names no host: " + redact(url));
    }
    String user = null;
    String password = null;
    if (uri.getUserInfo() != null) {
      String info = uri.getUserInfo();
      int colon = info.indexOf(':');
      user = colon < 0 ? info : info.substring(0, colon);
      password = colon < 0 ? null : info.substring(colon + 1);
    }
    String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1) : uri.getHost();
    return new PostgresSourceConfig(
        name, host, uri.getPort() < 0 ? null : uri.getPort(), path.isEmpty() ? null : path,
        user == null || user.isEmpty() ? null : user, password, null, null);
  }

  /** The URL with any password replaced by ***, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
  }
}
