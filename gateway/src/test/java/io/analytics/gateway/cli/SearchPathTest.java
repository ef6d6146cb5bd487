package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.SearchPathConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.gateway.auth.ScramVerifier;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Unqualified names resolve through a search path, as in PostgreSQL: the warehouse's own schema,
 * then gold, silver and bronze by default, in psql, pgjdbc and the CLI alike; role app sees gold only.
 */
class SearchPathTest {
  @TempDir Path home;

  @Test
  void psqlFindsLakeTablesUnqualifiedAndShowsTheTruth() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    try (TestGateway gateway = TestGateway.start()) {
      assertThat(psql(gateway, "SELECT count(*) FROM trades")).isEqualTo("10000\n");
      assertThat(psql(gateway, "SELECT count(*) FROM daily_pnl")).isEqualTo("100\n");
      assertThat(psql(gateway, "SHOW search_path")).isEqualTo("\"$user\", public, gold, silver, bronze\n");
      assertThat(psql(gateway, "\\dt")).contains("bronze|trades|table").contains("gold|daily_pnl|table");
      // \dt lists only what the path reaches; a table hidden by one of the same name earlier on it is not listed.
      assertThat(psql(gateway, "SET search_path = gold", "\\dt"))
          .contains("gold|daily_pnl|table").doesNotContain("trades");
      assertThat(psql(gateway, "CREATE TABLE main.trades (x INTEGER)", "\\dt", "DROP TABLE main.trades"))
          .contains("public|trades|table").doesNotContain("bronze|trades").contains("gold|daily_pnl");
      assertThat(psql(gateway, "SET search_path = bronze", "RESET search_path", "SHOW search_path"))
          .isEqualTo("\"$user\", public, gold, silver, bronze\n");
    }
  }

  @Test
  void theWarehouseSchemaIsPublicWhereverAClientLooksAndMainNamesKeepWorking() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    try (TestGateway gateway = TestGateway.start()) {
      psql(gateway, "CREATE TABLE public.accounts (id INTEGER, name VARCHAR)", "INSERT INTO main.accounts VALUES (1, 'a')");
      assertThat(psql(gateway, "SELECT current_schema(), current_schema, current_schemas(false)")).isEqualTo("public|public|{public}\n");
      assertThat(psql(gateway, "\\dn")).contains("public|analytics").doesNotContain("main|");
      assertThat(psql(gateway, "\\dt")).contains("public|accounts|table").doesNotContain("main|");
      assertThat(psql(gateway, "\\d public.accounts")).isEqualTo("id|integer|||\nname|character varying|||\n");
      assertThat(psql(gateway, "SELECT table_schema FROM information_schema.tables WHERE table_name = 'accounts'",
          "SELECT schema_name FROM information_schema.schemata WHERE schema_name IN ('main', 'public')",
          "SELECT schemaname FROM pg_tables WHERE tablename = 'accounts'",
          "SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = 'accounts'"))
          .isEqualTo("public\npublic\npublic\npublic\n");
      assertThat(psql(gateway, "SELECT count(*) FROM public.accounts", "SELECT count(*) FROM main.accounts",
          "SELECT \"public\".accounts.name FROM \"public\".accounts", "SELECT 'public.accounts'"))
          .isEqualTo("1\n1\na\npublic.accounts\n");
      try (Connection client = gateway.connect()) {
        java.sql.DatabaseMetaData metadata = client.getMetaData();
        try (ResultSet tables = metadata.getTables(null, "public", "accounts", new String[] {"TABLE"})) {
          assertThat(tables.next()).as("getTables(public)").isTrue();
          assertThat(tables.getString("TABLE_SCHEM")).isEqualTo("public");
        }
        try (ResultSet tables = metadata.getTables(null, "main", "%", null)) {
          assertThat(tables.next()).as("no schema main").isFalse();
        }
        List<String> schemas = new ArrayList<>();
        try (ResultSet rows = metadata.getSchemas()) {
          while (rows.next()) {
            schemas.add(rows.getString("TABLE_SCHEM"));
          }
        }
        assertThat(schemas).contains("public", "bronze", "gold").doesNotContain("main");
        assertThat(first(client, "SELECT current_schema()")).isEqualTo("public");
      }
    }
  }

  @Test
  void theCliFindsLakeTablesUnqualifiedThroughTheGateway() {
    try (TestGateway gateway = TestGateway.start()) {
      Path root = gateway.home().root();
      GatewayEndpointFile.write(gateway.home(), ProcessHandle.current().pid(), gateway.host(), gateway.port());
      try {
        assertThat(CliRun.in(root, "query", "SELECT count(*) AS n FROM trades", "--format", "csv").out()).isEqualTo("n\n10000\n");
        CliRun describe = CliRun.in(root, "describe", "daily_pnl");
        assertThat(describe.exitCode()).as(describe.err()).isZero();
        assertThat(describe.out()).contains("table:          gold.daily_pnl");
      } finally {
        GatewayEndpointFile.delete(gateway.home());
      }
    }
  }

  @Test
  void theCliFindsLakeTablesUnqualifiedOnTheWarehouseFile() throws Exception {
    assertThat(CliRun.in(home, "init").exitCode()).isZero();
    Path csv = Files.writeString(home.resolve("trades.csv"), "trade_id,ts,symbol,side,quantity,price,venue\n"
        + "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n2,2024-01-03T10:00:00Z,MSFT,SELL,5,370.25,XNYS\n");
    assertThat(CliRun.in(home, "ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema").exitCode()).isZero();
    CliRun query = CliRun.in(home, "query", "SELECT count(*) AS n FROM trades", "--format", "csv");
    assertThat(query.out()).as(query.err()).isEqualTo("n\n2\n");
    CliRun describe = CliRun.in(home, "describe", "trades");
    assertThat(describe.exitCode()).as(describe.err()).isZero();
    assertThat(describe.out()).contains("table:          bronze.trades").contains("rows:           2");
    CliRun missing = CliRun.in(home, "describe", "nope");
    assertThat(missing.err()).contains("no table nope in the search path public, gold, silver, bronze");
  }

  @Test
  void searchPathsAreConfiguredPerPlatformAndPerRoleAndAppSeesGoldOnly() throws Exception {
    SecureRandom random = new SecureRandom();
    PlatformConfig config = new PlatformConfig(null, null, List.of(
        new UserConfig("reader", "analyst", ScramVerifier.create("pw", random).encode(), null),
        new UserConfig("builder", "engineer", ScramVerifier.create("pw", random).encode(), null),
        new UserConfig("service", "app", ScramVerifier.create("pw", random).encode(), null)), null,
        new SearchPathConfig("bronze, public", Map.of("engineer", "silver, gold")));
    try (TestGateway gateway = TestGateway.start(config)) {
      try (Connection reader = login(gateway, "reader")) {
        assertThat(first(reader, "SHOW search_path")).isEqualTo("bronze, public");
        assertThat(first(reader, "SELECT count(*) FROM trades")).isEqualTo("10000");
      }
      try (Connection builder = login(gateway, "builder")) {
        assertThat(first(builder, "SHOW search_path")).isEqualTo("silver, gold");
        assertThat(first(builder, "SELECT count(*) FROM daily_pnl")).isEqualTo("100");
      }
      try (Connection service = login(gateway, "service")) {
        assertThat(first(service, "SHOW search_path")).isEqualTo("gold");
        assertThat(first(service, "SELECT count(*) FROM daily_pnl")).isEqualTo("100");
        assertThatThrownBy(() -> first(service, "SELECT count(*) FROM trades")).isInstanceOf(SQLException.class);
      }
    }
  }

  private static Connection login(TestGateway gateway, String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", "pw");
    return java.sql.DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static String first(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static String psql(TestGateway gateway, String... commands) throws Exception {
    PsqlBinary.Result run = PsqlBinary.unaligned(gateway, "analyst", commands);
    assertThat(run.exitCode()).as(run.out()).isZero();
    return run.out().replace("RESET\n", "").replace("SET\n", "").replace("CREATE TABLE\n", "").replace("DROP TABLE\n", "");
  }
}
