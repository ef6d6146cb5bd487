package io.analytics.gateway.testing;

import io.analytics.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Creates the same tables on a gateway and on the shared reference PostgreSQL 15, for tests that compare their answers. */
public final class ReferenceTables {
  private ReferenceTables() {}

  /** Runs each statement, in order, on the gateway and on PostgreSQL's database {@code postgres}. */
  public static void createOnBoth(TestGateway gateway, String... statements) throws SQLException {
    for (Connection connection : List.of(gateway.connect(), PostgresServer.shared().connect("postgres"))) {
      try (connection; Statement statement = connection.createStatement()) {
        for (String sql : statements) {
          statement.execute(sql);
        }
      }
    }
  }
}
