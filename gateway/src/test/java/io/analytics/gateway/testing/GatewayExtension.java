package io.analytics.gateway.testing;

import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.server.GatewayServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One {@link TestGateway} shared by a test class: started before its first test, stopped after its
 * last. Register it as {@code @RegisterExtension static final GatewayExtension gateway}.
 */
public final class GatewayExtension implements BeforeAllCallback, AfterAllCallback {
  private TestGateway gateway;

  @Override
  public void beforeAll(ExtensionContext context) {
    gateway = TestGateway.start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (gateway != null) {
      gateway.close();
      gateway = null;
    }
  }

  public Connection connect() throws SQLException {
    return gateway.connect();
  }

  /** A pgjdbc connection, in the simple query protocol when {@code simple} (pgjdbc's preferQueryMode). */
  public Connection connect(boolean simple) throws SQLException {
    Properties properties = new Properties();
    if (simple) {
      properties.setProperty("preferQueryMode", "simple");
    }
    return gateway.connect(properties);
  }

  public Connection connect(Properties extra) throws SQLException {
    return gateway.connect(extra);
  }

  public String host() {
    return gateway.host();
  }

  public int port() {
    return gateway.port();
  }

  public String jdbcUrl() {
    return gateway.jdbcUrl();
  }

  public PlatformHome home() {
    return gateway.home();
  }

  public GatewayServer server() {
    return gateway.server();
  }
}
