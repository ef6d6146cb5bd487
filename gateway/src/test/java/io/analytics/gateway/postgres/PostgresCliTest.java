package io.analytics.gateway.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.TestGateway;
import io.analytics.gateway.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user does with a PostgreSQL database, command by command: attach it, sync it, join its
 * orders with bronze.trades from a client of the gateway, look at its freshness, export a gold
 * table into it and archive one of its tables in the lake.
 */
class PostgresCliTest {
  private static PostgresServer server;
  private static String db;

  @BeforeAll
  static void createOltpDatabase() {
    server = PostgresServer.shared();
    db = server.createDatabase("oltp_cli");
    server.execute(db,
        "CREATE TABLE orders (order_id int8 PRIMARY KEY, symbol text NOT NULL, side text, qty numeric(18,4),"
            + " updated_at timestamptz NOT NULL DEFAULT now())",
        "INSERT INTO orders (order_id, symbol, side, qty) SELECT i, 'SYM' || (i % 5), 'BUY', i FROM generate_series(1, 50) i");
  }

  static CliRun cli(Path home, String... args) {
    return CliRun.in(home, args);
  }

  static CliRun ok(Path home, String... args) {
    return CliRun.in(home, args).succeeded();
  }

  @Test
  void attachWritesTheSourceIntoTheConfigFile(@TempDir Path home) throws Exception {
    CliRun attach = ok(home, "attach", "oltp", "postgresql://reporter:s3cret@db.example:6543/trading", "--schemas", "public,ops");

    assertThat(attach.out()).contains("attached postgres source oltp: reporter@db.example:6543/trading")
        .contains("(read-only)").contains("not reachable").contains("POSTGRES_PASSWORD");
    String json = Files.readString(home.resolve("config/platform.json"));
    assertThat(json).contains("\"name\" : \"oltp\"").contains("\"host\" : \"db.example\"").contains("\"port\" : 6543")
        .contains("\"database\" : \"trading\"").contains("\"user\" : \"reporter\"").contains("\"readOnly\" : true")
        .contains("\"ops\"");
    assertThat(cli(home, "attach", "bad", "mysql://x@y/z").err()).contains("postgresql://");
  }

  @Test
  void attachSyncJoinStatusExportAndIngestWithAGatewayServingTheHome() throws Exception {
    try (TestGateway gateway = TestGateway.start()) {
      Path home = gateway.home().root();
      GatewayEndpointFile.write(gateway.home(), ProcessHandle.current().pid(), gateway.host(), gateway.port());
      try {
        ok(home, "attach", "oltp", server.url(db), "--read-write");

        CliRun sync = ok(home, "sync", "oltp");
        assertThat(sync.out()).contains("synced by the gateway").contains("oltp: mirror path")
            .contains("oltp.orders: full sync, 50 rows read, 50 rows in mirror");
        // Not a terminal: plain progress lines on stderr while the gateway syncs.
        assertThat(sync.err()).containsPattern("(?m)^sync: by the gateway \\(pid [0-9]+\\) started$")
            .containsPattern("(?m)^sync: by the gateway \\(pid [0-9]+\\) done in [0-9.]+ s$");

        try (Connection client = gateway.connect()) {
          assertThat(rows(client, "SELECT o.symbol, count(DISTINCT o.order_id) AS orders, count(*) AS trades"
              + " FROM oltp.orders o JOIN bronze.trades t ON t.symbol = o.symbol GROUP BY o.symbol ORDER BY o.symbol"))
              .containsExactly("SYM0 10 5000", "SYM1 10 5000", "SYM2 10 5000", "SYM3 10 5000", "SYM4 10 5000");
        }

        server.execute(db, "UPDATE orders SET qty = 0, updated_at = now() + interval '1 hour' WHERE order_id = 1");
        assertThat(ok(home, "sync", "oltp", "orders").out()).contains("oltp.orders: upsert sync");
        assertThat(ok(home, "status").out())
            .contains("oltp postgres@127.0.0.1:" + server.port() + "/" + db + ": reachable")
            .contains("path: mirror").contains("; up;")
            .containsPattern("oltp\\.orders <- public\\.orders: 50 rows, upsert sync at .* s ago");

        assertThat(ok(home, "export", "--query", "SELECT * FROM gold.daily_pnl", "--table", "daily_pnl",
            "--to", "postgres:oltp").out()).contains("postgres:oltp.public.daily_pnl: 100 rows exported");
        assertThat(ok(home, "export", "--query", "SELECT date, symbol, pnl * 2 AS pnl FROM gold.daily_pnl WHERE symbol = 'SYM1'",
            "--table", "daily_pnl_by_key", "--to", "postgres:oltp", "--mode", "upsert", "--key", "date,symbol").out())
            .contains("5 rows exported");
        ok(home, "export", "--query", "SELECT * FROM gold.daily_pnl", "--table", "daily_pnl", "--to", "postgres:oltp",
            "--mode", "append");
        try (Connection pg = server.connect(db)) {
          assertThat(rows(pg, "SELECT count(*) FROM daily_pnl")).containsExactly("200");
          assertThat(rows(pg, "SELECT count(*) FROM daily_pnl_by_key")).containsExactly("5");
        }

        assertThat(ok(home, "ingest", "--from", "postgres", "oltp.orders").out()).contains("bronze.orders").contains("50");
        try (Connection client = gateway.connect()) {
          assertThat(rows(client, "SELECT count(*), min(qty) FROM bronze.orders")).containsExactly("50 0.0000");
        }
      } finally {
        GatewayEndpointFile.delete(gateway.home());
      }
    }
  }

  @Test
  void syncWithoutAGatewayOpensTheWarehouseItself(@TempDir Path home) {
    ok(home, "init");
    ok(home, "attach", "oltp", server.url(db));

    CliRun sync = ok(home, "sync");
    assertThat(sync.out()).contains("oltp.orders: full sync, 50 rows read");
    assertThat(sync.err()).containsPattern("(?m)^sync: oltp started$").containsPattern("(?m)^sync: oltp done in [0-9.]+ s$");
    assertThat(ok(home, "query", "SELECT count(*) AS n FROM oltp.orders", "--format", "csv").out()).isEqualTo("n\n50\n");
    assertThat(ok(home, "status").out()).containsPattern("oltp\\.orders <- public\\.orders: 50 rows, full sync at");
    CliRun refused = cli(home, "export", "--query", "SELECT 1 AS n", "--table", "t", "--to", "postgres:oltp");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("\"oltp\" is read-only");
  }

  static List<String> rows(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getString(i));
        }
        values.add(String.join(" ", row));
      }
      return values;
    }
  }
}
