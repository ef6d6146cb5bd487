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
 * A read replica's lake views, which all its sessions share, are a file attached READ_ONLY, and its
 * own catalog an empty file opened READ_ONLY: with the guard out of the way DuckDB refuses to
 * replace, drop or add to either (a table by its qualified name included), and over the wire every
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
  /**
   * Routes to the instance's own catalog, which every session of the replica shares (it was an
   * in-memory {@code memory} catalog; it is now the empty base file {@code replica}, opened read-only).
   */
  private static final List<String> OWN_CATALOG_ATTACKS = List.of(
      "CREATE TABLE replica.main.planted AS SELECT 1 AS a", "CREATE TABLE memory.main.planted AS SELECT 1 AS a",
      "CREATE VIEW replica.main.planted AS SELECT 1 AS a", "CREATE SCHEMA replica.planted",
      "CREATE MACRO replica.main.planted() AS 1", "CREATE SEQUENCE replica.main.planted",
      "CREATE TYPE replica.main.planted AS INTEGER", "ATTACH ':memory:' AS planted",
      "USE replica; CREATE TABLE planted (a INTEGER)");

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

        assertThat(before).as("every database of the instance is read-only").contains("replica:true").doesNotContain(":false");

        String searchPath = new ReplicaSearchPath().duckDbSearchPath(List.of("main"));
        assertThat(runWithoutTheGuard(instance, VIEW_ATTACKS, searchPath)).as("run by DuckDB with no guard").isEmpty();
        assertThat(lakeViews(instance)).isEqualTo(before);
        assertThat(runWithoutTheGuard(instance, OWN_CATALOG_ATTACKS, searchPath)).as("run by DuckDB with no guard").isEmpty();
        assertThat(lakeViews(instance)).isEqualTo(before);

        List<String> wire = new ArrayList<>(VIEW_ATTACKS.subList(0, VIEW_ATTACKS.size() - 1));
        wire.addAll(OWN_CATALOG_ATTACKS.subList(0, OWN_CATALOG_ATTACKS.size() - 1));
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

  /** Runs each statement straight on a connection of the instance as a session's prepare and execute would; returns those DuckDB ran. */
  private static List<String> runWithoutTheGuard(DuckDbDatabase instance, List<String> attacks, String searchPath) throws SQLException {
    List<String> ran = new ArrayList<>();
    try (Connection connection = instance.connect()) {
      TierAttacks.runAsASessionWould(connection, "SELECT 1", searchPath);
      for (String sql : attacks) {
        if (TierAttacks.runAsASessionWould(connection, sql, searchPath)) {
          ran.add(sql);
        }
      }
    }
    return ran;
  }

  /**
   * The replica instance's databases (each read-only), schemas, views (with their SQL), tables,
   * macros, sequences and types outside the temp catalog, and the gold view's rows.
   */
  private static String lakeViews(DuckDbDatabase instance) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection connection = instance.connect(); Statement statement = connection.createStatement()) {
      for (String sql : List.of(
          "SELECT string_agg(database_name || '.' || schema_name, ',' ORDER BY 1) FROM duckdb_schemas() WHERE database_name <> 'temp'",
          "SELECT string_agg(database_name || '.' || schema_name || '.' || view_name || '=' || sql, ',' ORDER BY 1)"
              + " FROM duckdb_views() WHERE NOT internal AND NOT temporary",
          "SELECT string_agg(database_name || ':' || readonly, ',' ORDER BY 1) FROM duckdb_databases() WHERE NOT internal",
          "SELECT string_agg(database_name || '.' || schema_name || '.' || table_name, ',' ORDER BY 1) FROM duckdb_tables() WHERE NOT temporary",
          "SELECT string_agg(database_name || '.' || function_name, ',' ORDER BY 1) FROM duckdb_functions()"
              + " WHERE database_name NOT IN ('system', 'temp') AND NOT internal",
          "SELECT string_agg(database_name || '.' || sequence_name, ',' ORDER BY 1) FROM duckdb_sequences() WHERE NOT temporary",
          "SELECT string_agg(database_name || '.' || type_name, ',' ORDER BY 1) FROM duckdb_types() WHERE database_name NOT IN ('system', 'temp')",
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
