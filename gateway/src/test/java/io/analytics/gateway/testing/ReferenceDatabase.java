package io.analytics.gateway.testing;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of the shared PostgreSQL 15 a test class compares the gateway's answers with, created
 * before its first test: how to reach it from pgjdbc, psql and the Python and node client scripts.
 */
public final class ReferenceDatabase implements BeforeAllCallback {
  private final String name;
  private PostgresServer server;

  public ReferenceDatabase(String name) {
    this.name = requireNonNull(name, "name is null");
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    server = PostgresServer.shared();
    server.createDatabase(name);
  }

  public PostgresServer server() {
    return server;
  }

  public String name() {
    return name;
  }

  public String jdbcUrl() {
    return server.jdbcUrl(name);
  }

  /** A pgjdbc connection to the database, in the simple query protocol when {@code simple} (pgjdbc's preferQueryMode). */
  public Connection connect(boolean simple) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    if (simple) {
      properties.setProperty("preferQueryMode", "simple");
    }
    return DriverManager.getConnection(jdbcUrl(), properties);
  }

  /** The database as a libpq connection string (psycopg2's dsn). */
  public String libpqDsn() {
    return "host=" + server.host() + " port=" + server.port() + " dbname=" + name + " user=" + PostgresServer.USER
        + " password=" + PostgresServer.PASSWORD;
  }
}
