package io.analytics.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ReplicationConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.replica.ReplicaSearchPath;
import io.analytics.gateway.testing.AuditedRefusals;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.SingleValue;
import io.analytics.gateway.testing.TestGateway;
import io.analytics.gateway.testing.TierAttacks;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A read replica's lake views, which all its sessions share, are a file attached READ_ONLY: with
 * the guard out of the way DuckDB refuses to replace, drop or add to them, and over the wire every
 * role is refused (25006 or 42501), the view's rows unchanged and each refusal in the replica's audit file.
 */
class ReplicaLakeViewsTest {
  private static final String PASSWORD = "pw-for-tests";
  private static final String GOLD_ROWS = "SELECT count(*) || ':' || hash(list(d ORDER BY d::VARCHAR)::VARCHAR) FROM gold.daily_pnl d";
  private static final List<String> VIEW_ATTACKS = List.of(
      "CREATE OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake", "CREATE OR REPLACE VIEW lake.gold.daily_pnl AS SELECT 1 AS fake",
      "DROP VIEW gold.daily_pnl", "DROP VIEW lake.gold.daily_pnl", "DROP SCHEMA lake.gold CASCADE",
      "ALTER VIEW gold.daily_pnl RENAME TO renamed", "COMMENT ON VIEW gold.daily_pnl IS 'fake'",
      "CREATE VIEW gold.planted AS SELECT 1 AS a", "CREATE TABLE gold.planted AS SELECT 1 AS a",
      "CREATE MACRO gold.daily_pnl() AS TABLE SELECT 1 AS fake", "USE lake.gold; CREATE VIEW planted AS SELECT 1 AS a");

  @Test
  void noSessionOfAReplicaCanChangeItsLakeViews() throws Exception {
    PlatformConfig base = PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD));
    PlatformConfig config = base.withGateway(base.gateway().withReplication(new ReplicationConfig(100, 15, 60)));
    try (TestGateway writer = TestGateway.start(config)) {
      GatewayServer replica = GatewayServer.forReplica(writer.home(), config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
      try {
        int port = replica.start().getPort();
        DuckDbDatabase instance = replica.services().instances().database();
        String before = lakeViews(instance);
        String rows = reads(port, "admin", GOLD_ROWS);
        assertThat(rows).doesNotStartWith("0:");

        String searchPath = new ReplicaSearchPath().duckDbSearchPath(List.of("main"));
        List<String> ran = new ArrayList<>();
        try (Connection connection = instance.connect()) {
          TierAttacks.runAsASessionWould(connection, "SELECT 1", searchPath);
          for (String sql : VIEW_ATTACKS) {
            if (TierAttacks.runAsASessionWould(connection, sql, searchPath)) {
              ran.add(sql);
            }
          }
        }
        assertThat(ran).as("run by DuckDB with no guard").isEmpty();
        assertThat(lakeViews(instance)).isEqualTo(before);

        List<String> wire = VIEW_ATTACKS.subList(0, VIEW_ATTACKS.size() - 1);
        for (String user : List.of("analyst", "engineer", "admin")) {
          for (String mode : List.of("simple", "extended")) {
            for (String sql : wire) {
              try (Connection connection = RoleUsers.login(port, user, PASSWORD, mode)) {
                assertThatThrownBy(() -> connection.createStatement().execute(sql)).as("%s %s: %s", user, mode, sql)
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(e.getMessage())
                        .isIn(Set.of("25006", "42501")));
              }
            }
          }
        }
        assertThat(reads(port, "analyst", GOLD_ROWS)).isEqualTo(rows);
        assertThat(lakeViews(instance)).isEqualTo(before);
        assertThat(AuditedRefusals.replicaTexts(writer.home().warehouseDir().resolve("logs"), wire.size() * 6))
            .containsAll(wire);
      } finally {
        replica.shutdown(1_000);
      }
    }
  }

  /** The replica instance's schemas and views (with their SQL) outside the temp catalog, and the gold view's rows. */
  private static String lakeViews(DuckDbDatabase instance) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection connection = instance.connect(); Statement statement = connection.createStatement()) {
      for (String sql : List.of(
          "SELECT string_agg(database_name || '.' || schema_name, ',' ORDER BY 1) FROM duckdb_schemas() WHERE database_name <> 'temp'",
          "SELECT string_agg(database_name || '.' || schema_name || '.' || view_name || '=' || sql, ',' ORDER BY 1)"
              + " FROM duckdb_views() WHERE NOT internal AND NOT temporary",
          "SELECT count(*) || ':' || hash(list(d ORDER BY d::VARCHAR)::VARCHAR) FROM lake.gold.daily_pnl d")) {
        text.append(SingleValue.of(statement, sql)).append('\n');
      }
    }
    return text.toString();
  }

  private static String reads(int port, String user, String sql) throws SQLException {
    try (Connection connection = RoleUsers.login(port, user, PASSWORD, "simple"); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}
