package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ReplicationConfig;
import io.analytics.gateway.server.GatewayServer;
import io.analytics.gateway.testing.AuditedRefusals;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The hidden-write routes of issue 17 on a read replica, over pgjdbc's simple and extended
 * protocols, for a reader and for an admin: each is refused (25006 for a write, as a hot standby
 * answers; 42501 where the role may not even read that way), the table (on the writer and the
 * replica) and the lake are unchanged by content, and the replica's audit file holds the whole text.
 */
class SecurityReplicaWireTest {
  private static final String PASSWORD = "pw-for-tests";

  @Test
  void hiddenWritesAreRefusedOnAReplica() throws Exception {
    PlatformConfig base = PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD));
    PlatformConfig config = base.withGateway(base.gateway().withReplication(new ReplicationConfig(100, 15, 60)));
    try (TestGateway writer = TestGateway.start(config)) {
      try (Connection connection = connect(writer.port(), "engineer", "simple"); Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA derived");
        statement.execute("CREATE TABLE derived.guarded AS SELECT * FROM range(10) r(a)");
      }
      GatewayServer replica = GatewayServer.forReplica(writer.home(),
          config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
      try {
        int port = replica.start().getPort();
        String table = awaitTable(port);
        String gold = writer.home().dataDir().resolve("gold/daily_pnl/part-0.parquet").toString();
        String lake = lakeDigest(writer.home().dataDir());
        List<String> attacks = List.of(
            "DELETE\u00a0FROM derived.guarded",
            "SELECT $€$ ' $€$; DELETE FROM derived.guarded WHERE a < 6; --'",
            "WITH d AS (DELETE FROM derived.guarded WHERE a < 8 RETURNING *) SELECT count(*) FROM d",
            "WITH d AS (INSERT INTO derived.guarded VALUES (99) RETURNING *) SELECT count(*) FROM d",
            "COPY\u00a0(SELECT 1 AS a) TO '" + gold + "' (FORMAT parquet)",
            "SELECT nextval('derived.s')",
            "CREATE\u2007TABLE derived.x AS SELECT 1");
        for (String user : List.of("analyst", "admin")) {
          for (String mode : List.of("simple", "extended")) {
            for (String sql : attacks) {
              assertRefused(port, user, mode, sql);
            }
          }
        }
        assertThat(tableContents(port)).isEqualTo(table);
        assertThat(tableContents(writer.port())).isEqualTo(table);
        assertThat(lakeDigest(writer.home().dataDir())).isEqualTo(lake);
        // The replica's snapshot instance, shared by its writers' sessions, has its configuration locked too.
        try (Connection admin = connect(port, "admin", "simple");
            ResultSet rows = admin.createStatement().executeQuery("SELECT current_setting('lock_configuration')::VARCHAR")) {
          rows.next();
          assertThat(rows.getString(1)).isEqualTo("true");
        }
        assertRefused(port, "admin", "simple", "SET\u00a0memory_limit = '20MB'");
        List<String> audited = AuditedRefusals.replicaTexts(writer.home().warehouseDir().resolve("logs"), attacks.size());
        for (String sql : attacks) {
          assertThat(audited).as("audit line with the whole statement").contains(sql);
        }
      } finally {
        replica.shutdown(1_000);
      }
    }
  }

  private static void assertRefused(int port, String user, String mode, String sql) throws SQLException {
    try (Connection connection = connect(port, user, mode)) {
      assertThatThrownBy(() -> {
        if (mode.equals("extended")) {
          try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.execute();
          }
        } else {
          connection.createStatement().execute(sql);
        }
      }).as("%s %s: %s", user, mode, sql)
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as("%s: %s", sql, e.getMessage())
              .isIn(Set.of("25006", "42501")));
    }
  }

  private static String awaitTable(int port) throws Exception {
    for (int attempt = 0; attempt < 600; attempt++) {
      try {
        return tableContents(port);
      } catch (SQLException e) {
        Thread.sleep(100);
      }
    }
    return tableContents(port);
  }

  private static String tableContents(int port) throws SQLException {
    try (Connection connection = connect(port, "admin", "simple");
        ResultSet rows = connection.createStatement().executeQuery(
            "SELECT string_agg(a::VARCHAR, ',' ORDER BY a) FROM derived.guarded")) {
      rows.next();
      return rows.getString(1);
    }
  }

  private static Connection connect(int port, String user, String mode) throws SQLException {
    return RoleUsers.login(port, user, PASSWORD, mode);
  }

  private static String lakeDigest(Path lake) throws Exception {
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(lake)) {
      for (Path file : walk.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        files.put(file.toString(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
      }
    }
    return files.toString();
  }
}
