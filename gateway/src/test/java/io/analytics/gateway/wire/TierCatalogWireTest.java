package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ReplicationConfig;
import io.analytics.gateway.server.GatewayServer;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read-only tiers hold the lake's views in a catalog of their own (a file attached READ_ONLY),
 * yet psql's {@code \dt} and {@code \d} and pgjdbc's metadata answer an analyst, app and a replica's
 * sessions as they answer an admin on the writers' instance, where the views live in the warehouse:
 * the same datasets as tables in the same schemas, with the same columns and types (app: gold's only).
 */
class TierCatalogWireTest {
  private static final String PASSWORD = "pw-for-tests";
  /** Columns and types, and sizes, row counts and descriptions (pg_class's reltuples, pg_table_size, pg_description). */
  private static final String DESCRIBE = "\\d gold.daily_pnl\n\\d bronze.trades\n\\dt+\n\\d+ gold.daily_pnl\n";

  private static PlatformConfig config;
  private static TestGateway writer;

  @BeforeAll
  static void start() {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    PlatformConfig base = PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD));
    config = base.withGateway(base.gateway().withReplication(new ReplicationConfig(100, 15, 60)));
    writer = TestGateway.start(config);
  }

  @AfterAll
  static void stop() {
    if (writer != null) {
      writer.close();
    }
  }

  @Test
  void analystsSeeTheLakesDatasetsAsAdminsDo() throws Exception {
    String tables = psql(writer.port(), "admin", "\\dt\n");
    assertThat(tables).contains("gold   | daily_pnl | table").contains("bronze | trades    | table");
    assertThat(psql(writer.port(), "analyst", "\\dt\n")).isEqualTo(tables);
    assertThat(psql(writer.port(), "analyst", DESCRIBE)).isEqualTo(psql(writer.port(), "admin", DESCRIBE))
        .contains("Table \"gold.daily_pnl\"").contains("numeric(18,2)");
    assertThat(psql(writer.port(), "analyst", "\\dn\n")).isEqualTo(psql(writer.port(), "admin", "\\dn\n"));

    List<String> adminTables = jdbcTables(writer.port(), "admin");
    assertThat(adminTables).contains("gold.daily_pnl", "bronze.trades");
    assertThat(jdbcTables(writer.port(), "analyst")).isEqualTo(adminTables);
    assertThat(jdbcColumns(writer.port(), "analyst")).isEqualTo(jdbcColumns(writer.port(), "admin")).isNotEmpty();
  }

  @Test
  void appSeesGoldsDatasetsAsAdminsDoAndNothingElse() throws Exception {
    String tables = psql(writer.port(), "appuser", "\\dt\n");
    assertThat(tables).doesNotContain("ERROR").contains("gold   | daily_pnl | table").doesNotContain("trades");
    String gold = "\\d gold.daily_pnl\n\\dt+ gold.*\n\\d+ gold.daily_pnl\n";
    assertThat(psql(writer.port(), "appuser", gold)).isEqualTo(psql(writer.port(), "admin", gold))
        .containsPattern("daily_pnl \\| table .*\\d+ (bytes|kB)");
    assertThat(psql(writer.port(), "appuser", "\\dn\n")).doesNotContain("ERROR").contains("gold").doesNotContain("bronze");
    assertThat(jdbcTables(writer.port(), "appuser")).containsExactly("gold.daily_pnl");
    assertThat(jdbcColumns(writer.port(), "appuser")).isEqualTo(jdbcColumns(writer.port(), "admin"));
  }

  @Test
  void aReplicasSessionsSeeTheLakesDatasetsAsTheWritersAdminDoes() throws Exception {
    GatewayServer replica = GatewayServer.forReplica(writer.home(), config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    try {
      int port = replica.start().getPort();
      for (String user : List.of("analyst", "admin")) {
        assertThat(psql(port, user, "\\dt\n")).as(user).isEqualTo(psql(writer.port(), "admin", "\\dt\n"));
        assertThat(psql(port, user, DESCRIBE)).as(user).isEqualTo(psql(writer.port(), "admin", DESCRIBE));
        assertThat(jdbcTables(port, user)).as(user).isEqualTo(jdbcTables(writer.port(), "admin"));
      }
    } finally {
      replica.shutdown(1_000);
    }
  }

  private static String psql(int port, String user, String script) throws Exception {
    return PsqlBinary.script("127.0.0.1", port, user, "lake", PASSWORD, script);
  }

  /** pgjdbc's getTables of kind TABLE, as schema.name. */
  private static List<String> jdbcTables(int port, String user) throws SQLException {
    List<String> names = new ArrayList<>();
    try (Connection connection = RoleUsers.login(port, user, PASSWORD, "extended");
        ResultSet rows = connection.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
      while (rows.next()) {
        names.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME"));
      }
    }
    return names;
  }

  /** pgjdbc's getColumns of gold.daily_pnl: name, SQL type, type name, size and digits. */
  private static List<String> jdbcColumns(int port, String user) throws SQLException {
    List<String> columns = new ArrayList<>();
    try (Connection connection = RoleUsers.login(port, user, PASSWORD, "extended")) {
      DatabaseMetaData metadata = connection.getMetaData();
      try (ResultSet rows = metadata.getColumns(null, "gold", "daily_pnl", "%")) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME") + " " + rows.getInt("DATA_TYPE") + " " + rows.getString("TYPE_NAME")
              + " " + rows.getInt("COLUMN_SIZE") + " " + rows.getInt("DECIMAL_DIGITS"));
        }
      }
    }
    return columns;
  }
}
