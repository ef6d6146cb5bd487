package io.analytics.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Attacks on a tier's DuckDB instance: over the wire as a role, and straight on the instance with no guard. */
public final class TierAttacks {
  private TierAttacks() {}

  /** Sends each statement as {@code user} over pgjdbc's simple and extended protocols; each must fail with 42501. */
  public static void assertRefusedOverBothProtocols(TestGateway gateway, String user, String password, List<String> attacks)
      throws SQLException {
    for (String mode : List.of("simple", "extended")) {
      for (String sql : attacks) {
        try (Connection connection = RoleUsers.login(gateway, user, password, mode)) {
          assertThatThrownBy(() -> connection.createStatement().execute(sql)).as("%s: %s", mode, sql)
              .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(e.getMessage()).isEqualTo("42501"));
        }
      }
    }
  }

  /**
   * Runs {@code sql} as a session's prepare and execute would (duckdb_jdbc's prepare runs all
   * statements but the last, then the last is executed), then rolls back whatever is open and sets
   * the session's routed {@code searchPath} again; returns whether it ran.
   */
  public static boolean runAsASessionWould(Connection connection, String sql, String searchPath) throws SQLException {
    boolean ran;
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.execute();
      ran = true;
    } catch (SQLException e) {
      ran = false;
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("ROLLBACK");
    } catch (SQLException e) {
      // No transaction was open.
    }
    try (Statement statement = connection.createStatement()) {
      statement.execute("SET search_path = '" + searchPath.replace("'", "''") + "'");
    }
    return ran;
  }
}
