package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.stream.Collectors;

/**
 * A table in a configured PostgreSQL source, named {@code SOURCE.table} or {@code
 * SOURCE.schema.table} (schema public by default).
 */
public record PostgresTarget(PostgresSourceConfig source, String schema, String table) {
  public PostgresTarget {
    requireNonNull(source, "source is null");
    requireNonNull(schema, "schema is null");
    requireNonNull(table, "table is null");
  }

  public static PostgresTarget parse(PlatformConfig config, String name) {
    requireNonNull(name, "name is null");
    String[] parts = name.split("\\.");
    if (parts.length < 2 || parts.length > 3) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE,
          "a Postgres table is named SOURCE.table or SOURCE.schema.table, got \"" + name + "\"");
    }
    return new PostgresTarget(source(config, parts[0]), parts.length == 3 ? parts[1] : "public", parts[parts.length - 1]);
  }

  /** The configured source of that name, or a 42704 error listing the ones there are. */
  public static PostgresSourceConfig source(PlatformConfig config, String name) {
    return config.sources().stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new PlatformException(SqlState.UNDEFINED_OBJECT,
            "no postgres source named \"" + name + "\" (configured: "
                + (config.sources().isEmpty() ? "none; add one with analytics attach"
                    : config.sources().stream().map(PostgresSourceConfig::name).collect(Collectors.joining(", ")))
                + ")"));
  }

  /** {@code source.schema.table}, for messages. */
  public String displayName() {
    return source.name() + "." + schema + "." + table;
  }

  String quotedName() {
    return PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(table);
  }
}
