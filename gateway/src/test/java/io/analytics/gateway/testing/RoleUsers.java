package io.analytics.gateway.testing;

import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.ScramVerifier;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** One user per role (appuser, analyst, engineer, admin), all with the same password, for role tests. */
public final class RoleUsers {
  private RoleUsers() {}

  public static List<UserConfig> withPassword(String password) {
    SecureRandom random = new SecureRandom();
    return List.of(
        new UserConfig("appuser", "app", ScramVerifier.create(password, random).encode(), null),
        new UserConfig("analyst", "analyst", ScramVerifier.create(password, random).encode(), null),
        new UserConfig("engineer", "engineer", ScramVerifier.create(password, random).encode(), null),
        new UserConfig("admin", "admin", ScramVerifier.create(password, random).encode(), null));
  }

  /** A pgjdbc login as {@code user}, with pgjdbc's {@code preferQueryMode} (simple or extended). */
  public static Connection login(TestGateway gateway, String user, String password, String mode) throws SQLException {
    return login(gateway.port(), user, password, mode);
  }

  /** As above, to a gateway listening on {@code port} of the loopback address (a replica started by a test). */
  public static Connection login(int port, String user, String password, String mode) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("preferQueryMode", mode);
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lake", properties);
  }
}
