package io.analytics.engine.postgres;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.duckdb.DuckDbErrors;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * DuckDB's postgres extension, the live path: loaded from DuckDB's extension directory (or the one
 * the config names; never downloaded at run time), then each source ATTACHed read-only so that
 * queries run in PostgreSQL with filters and projections pushed down.
 */
public final class PostgresExtension {
  private PostgresExtension() {}

  /** Loads the extension; returns why it cannot be, or empty when it is loaded. */
  public static Optional<String> load(Connection duck, DuckDbConfig config) {
    try (Statement statement = duck.createStatement()) {
      if (config.extensionDirectory() != null) {
        statement.execute("SET extension_directory = " + PgIdentifiers.literal(config.extensionDirectory()));
      }
      statement.execute("LOAD postgres");
      return Optional.empty();
    } catch (SQLException e) {
      return Optional.of("postgres extension not loadable: " + PostgresConnections.firstLine(e));
    }
  }

  /** Attaches the source read-only as the catalog named after it (a no-op when already attached). */
  public static void attach(Connection duck, PostgresSourceConfig source) {
    StringBuilder dsn = new StringBuilder()
        .append("host=").append(source.host())
        .append(" port=").append(source.port())
        .append(" dbname=").append(source.database())
        .append(" user=").append(source.user());
    if (source.password() != null) {
      dsn.append(" password=").append(source.password());
    }
    String sql = "ATTACH IF NOT EXISTS " + PgIdentifiers.literal(dsn.toString()) + " AS "
        + PgIdentifiers.quote(source.name()) + " (TYPE postgres" + (source.readOnly() ? ", READ_ONLY" : "") + ")";
    try (Statement statement = duck.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      PlatformException translated = DuckDbErrors.translate(e, null);
      throw new PlatformException(
          io.analytics.catalog.error.SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
          "postgres source \"" + source.name() + "\" (" + PostgresConnections.describe(source)
              + ") cannot be attached: " + translated.getMessage(),
          e);
    }
  }
}
