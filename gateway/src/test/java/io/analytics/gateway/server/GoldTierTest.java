package io.analytics.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.replica.GoldTier;
import io.analytics.gateway.replica.GoldTierSearchPath;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Privilege by construction for role app: the gold views every app session shares are in a file
 * attached READ_ONLY on an instance opened read-only, so DuckDB itself refuses to replace, drop or
 * add to them, whatever reached it; over the wire the guard refuses first (42501, audited).
 */
class GoldTierTest {
  private static final String PASSWORD = "pw-for-tests";
  private static final String GOLD_ROWS = "SELECT count(*) || ':' || hash(list(d ORDER BY d::VARCHAR)::VARCHAR) FROM gold.daily_pnl d";
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start(PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  /** The routes to the shared gold views and the instance's own catalog, written plainly: no guard to hide them from. */
  private static final List<String> ATTACKS = List.of(
      "CREATE OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake",
      "CREATE OR REPLACE VIEW lake.gold.daily_pnl AS SELECT 1 AS fake", "DROP VIEW gold.daily_pnl",
      "DROP VIEW lake.gold.daily_pnl", "DROP SCHEMA gold CASCADE", "DROP SCHEMA lake.gold CASCADE",
      "ALTER VIEW gold.daily_pnl RENAME TO renamed", "COMMENT ON VIEW gold.daily_pnl IS 'fake'",
      "CREATE VIEW gold.planted AS SELECT 1 AS a", "CREATE TABLE gold.planted AS SELECT 1 AS a",
      "CREATE TABLE planted AS SELECT 1 AS a", "CREATE TABLE app.main.planted AS SELECT 1 AS a",
      "CREATE SCHEMA planted", "CREATE SCHEMA app.gold", "CREATE MACRO planted() AS 1",
      "CREATE MACRO gold.daily_pnl() AS TABLE SELECT 1 AS fake", "CREATE SEQUENCE planted_seq",
      "CREATE TYPE planted_type AS INTEGER", "ATTACH ':memory:' AS m3", "USE app; CREATE TABLE planted (a INTEGER)",
      "USE lake.gold; CREATE VIEW planted AS SELECT 1 AS a");

  @Test
  void withoutTheGuardDuckDbRefusesEveryChangeToTheGoldViews() throws Exception {
    DuckDbDatabase gold = gateway.server().services().instances().goldTier().database();
    String before = catalog(gold);
    List<String> succeeded = new ArrayList<>();
    String searchPath = new GoldTierSearchPath("app", GoldTier.LAKE_CATALOG).duckDbSearchPath(List.of("main"));
    try (Connection connection = gold.connect()) {
      TierAttacks.runAsASessionWould(connection, "SELECT 1", searchPath);
      for (String sql : ATTACKS) {
        if (TierAttacks.runAsASessionWould(connection, sql, searchPath)) {
          succeeded.add(sql);
        }
      }
      // A session's own TEMP objects still work there.
      try (Statement statement = connection.createStatement()) {
        statement.execute("CREATE TEMP TABLE mine AS SELECT 1 AS a");
      }
    }
    assertThat(succeeded).isEmpty();
    assertThat(catalog(gold)).isEqualTo(before);
  }

  @Test
  void appCannotReplaceOrDropAGoldViewOverTheWire() throws Exception {
    String before = appReads(GOLD_ROWS);
    List<String> attacks = List.of("CREATE OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake",
        "CREATE\u00a0OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake", "DROP VIEW gold.daily_pnl",
        "CREATE OR REPLACE VIEW lake.gold.daily_pnl AS SELECT 1 AS fake", "CREATE TABLE gold.planted AS SELECT 1 AS a",
        "SET search_path = gold; CREATE VIEW planted AS SELECT 1 AS a");
    TierAttacks.assertRefusedOverBothProtocols(gateway, "appuser", PASSWORD, attacks);
    assertThat(appReads(GOLD_ROWS)).isEqualTo(before).doesNotStartWith("0:");
    // The SET of the last one runs; what is refused (and audited) is its CREATE.
    List<String> refused = new ArrayList<>(attacks.subList(0, attacks.size() - 1));
    refused.add("CREATE VIEW planted AS SELECT 1 AS a");
    assertThat(AuditedRefusals.texts(gateway, 2 * attacks.size())).containsAll(refused);
  }

  @Test
  void appStillReadsGoldQualifiedAndThroughItsSearchPath() throws Exception {
    String qualified = appReads("SELECT count(*) FROM gold.daily_pnl");
    assertThat(Long.parseLong(qualified)).isPositive();
    try (Connection app = RoleUsers.login(gateway, "appuser", PASSWORD, "extended"); Statement statement = app.createStatement()) {
      statement.execute("SET search_path = gold");
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM daily_pnl")) {
        rows.next();
        assertThat(rows.getString(1)).isEqualTo(qualified);
      }
    }
  }

  private static String appReads(String sql) throws SQLException {
    try (Connection app = RoleUsers.login(gateway, "appuser", PASSWORD, "simple");
        ResultSet rows = app.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  /** Every object of app's instance that sessions share (not their TEMP ones), and what the gold view returns. */
  private static String catalog(DuckDbDatabase gold) throws SQLException {
    StringBuilder text = new StringBuilder();
    try (Connection connection = gold.connect(); Statement statement = connection.createStatement()) {
      for (String sql : List.of(
          "SELECT string_agg(database_name || '.' || schema_name, ',' ORDER BY 1) FROM duckdb_schemas() WHERE database_name <> 'temp'",
          "SELECT string_agg(database_name || '.' || schema_name || '.' || view_name || '=' || sql, ',' ORDER BY 1)"
              + " FROM duckdb_views() WHERE NOT internal AND NOT temporary",
          "SELECT string_agg(database_name || '.' || table_name, ',' ORDER BY 1) FROM duckdb_tables() WHERE NOT temporary",
          "SELECT string_agg(database_name || '.' || function_name, ',' ORDER BY 1) FROM duckdb_functions()"
              + " WHERE database_name NOT IN ('system', 'temp')",
          "SELECT count(*) FROM duckdb_sequences() WHERE NOT temporary",
          "SELECT string_agg(database_name, ',' ORDER BY 1) FROM duckdb_databases()",
          "SELECT count(*) || ':' || hash(list(d ORDER BY d::VARCHAR)::VARCHAR) FROM lake.gold.daily_pnl d")) {
        text.append(SingleValue.of(statement, sql)).append('\n');
      }
    }
    return text.toString();
  }
}
