package io.analytics.engine.postgres;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens pgjdbc connections to configured sources; a source that is down or refuses the login is a
 * 08001 error naming the source, a connection lost while working a 08006 one.
 */
public final class PostgresConnections {
  private static final int CONNECT_TIMEOUT_SECONDS = 5;

  private PostgresConnections() {}

  public static Connection open(PostgresSourceConfig source) {
    Properties properties = new Properties();
    properties.setProperty("user", source.user());
    if (source.password() != null) {
      properties.setProperty("password", source.password());
    }
    properties.setProperty("connectTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("loginTimeout", Integer.toString(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("ApplicationName", "analytics");
    properties.setProperty("tcpKeepAlive", "true");
    try {
      return DriverManager.getConnection(source.jdbcUrl(), properties);
    } catch (SQLException e) {
      throw new PlatformException(
          SqlState.SQLCLIENT_UNABLE_TO_ESTABLISH_SQLCONNECTION,
          "postgres source \"" + source.name() + "\" (" + describe(source) + ") is unavailable: " + firstLine(e),
          e);
    }
  }

  /** Translates an error met while working with an open connection to {@code source}. */
  public static PlatformException translate(PostgresSourceConfig source, SQLException e, String doing) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    SqlState sqlState = state.startsWith("08") || state.startsWith("57P") ? SqlState.CONNECTION_FAILURE
        : known(state);
    return new PlatformException(sqlState, "postgres source \"" + source.name() + "\": " + doing + ": " + firstLine(e), e);
  }

  static String describe(PostgresSourceConfig source) {
    return source.user() + "@" + source.host() + ":" + source.port() + "/" + source.database();
  }

  private static SqlState known(String code) {
    for (SqlState candidate : SqlState.values()) {
      if (candidate.code().equals(code)) {
        return candidate;
      }
    }
    return SqlState.INTERNAL_ERROR;
  }

  static String firstLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
