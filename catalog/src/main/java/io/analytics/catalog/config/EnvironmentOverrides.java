package io.analytics.catalog.config;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies environment variables over a configuration read from file: POSTGRES_HOST, POSTGRES_PORT,
 * POSTGRES_DB, POSTGRES_USER and POSTGRES_PASSWORD describe the Postgres source named by
 * POSTGRES_DB, and ANALYTICS_* set the gateway's and DuckDB's own settings. A value of the wrong
 * type is an error naming the variable.
 */
public final class EnvironmentOverrides {
  private final Map<String, String> env;

  public EnvironmentOverrides(Map<String, String> env) {
    this.env = Map.copyOf(requireNonNull(env, "env is null"));
  }

  public PlatformConfig applyTo(PlatformConfig config) {
    requireNonNull(config, "config is null");
    GatewayConfig g = config.gateway();
    GatewayConfig gateway =
        new GatewayConfig(
            string("ANALYTICS_LISTEN_ADDRESS", g.listenAddress()),
            integer("ANALYTICS_PORT", g.port()),
            integer("ANALYTICS_MAX_MESSAGE_BYTES", g.maxMessageBytes()),
            integer("ANALYTICS_AUTHENTICATION_TIMEOUT_SECONDS", g.authenticationTimeoutSeconds()),
            integer("ANALYTICS_SHUTDOWN_GRACE_SECONDS", g.shutdownGraceSeconds()),
            integer("ANALYTICS_MAX_CONNECTIONS", g.maxConnections()),
            string("ANALYTICS_PASSWORD_METHOD", g.passwordMethod().configName()),
            integer("ANALYTICS_FETCH_BATCH_ROWS", g.fetchBatchRows()),
            tls(g.tls()),
            g.limits(),
            g.observability().withMetricsPort(integer("ANALYTICS_METRICS_PORT", g.observability().metricsPort())),
            g.replication(),
            g.resultCache());
    DuckDbConfig d = config.duckdb();
    DuckDbConfig duckdb =
        new DuckDbConfig(
            string("ANALYTICS_DUCKDB_MEMORY_LIMIT", d.memoryLimit()),
            integer("ANALYTICS_DUCKDB_THREADS", d.threads()),
            string("ANALYTICS_DUCKDB_TEMP_DIRECTORY", d.tempDirectory()),
            string("ANALYTICS_DUCKDB_EXTENSION_DIRECTORY", d.extensionDirectory()),
            string("ANALYTICS_DUCKDB_MAX_TEMP_DIRECTORY_SIZE", d.maxTempDirectorySize()));
    return new PlatformConfig(gateway, duckdb, config.users(), sources(config.sources()), config.searchPath(), config.iceberg());
  }

  private TlsConfig tls(TlsConfig configured) {
    String certificate = string("ANALYTICS_TLS_CERT", configured.certificateFile());
    String key = string("ANALYTICS_TLS_KEY", configured.keyFile());
    String required = blankToNull(env.get("ANALYTICS_TLS_REQUIRED"));
    return new TlsConfig(certificate, key, required == null ? configured.required() : Boolean.parseBoolean(required));
  }

  private List<PostgresSourceConfig> sources(List<PostgresSourceConfig> configured) {
    String database = blankToNull(env.get("POSTGRES_DB"));
    if (database == null) {
      return configured;
    }
    String host = blankToNull(env.get("POSTGRES_HOST"));
    Integer port = env.containsKey("POSTGRES_PORT") ? integer("POSTGRES_PORT", 5432) : null;
    String user = blankToNull(env.get("POSTGRES_USER"));
    String password = env.get("POSTGRES_PASSWORD");
    List<PostgresSourceConfig> result = new ArrayList<>();
    boolean found = false;
    for (PostgresSourceConfig source : configured) {
      if (source.name().equals(database) || source.database().equals(database)) {
        result.add(source.overriddenBy(host, port, user, password));
        found = true;
      } else {
        result.add(source);
      }
    }
    if (!found) {
      String name = database.matches("[A-Za-z_][A-Za-z0-9_]*") ? database : "postgres";
      result.add(new PostgresSourceConfig(name, host, port, database, user, password, null, null));
    }
    return result;
  }

  private String string(String variable, String fallback) {
    String value = blankToNull(env.get(variable));
    return value == null ? fallback : value;
  }

  private int integer(String variable, int fallback) {
    String value = blankToNull(env.get(variable));
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new ConfigException(
          "environment variable " + variable + " must be an integer, got \"" + value + "\"", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
