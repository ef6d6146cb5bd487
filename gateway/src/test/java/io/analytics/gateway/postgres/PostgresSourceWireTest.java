package io.analytics.gateway.postgres;

import static io.analytics.gateway.postgres.PostgresCliTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Postgres sources as clients of the gateway see them: mirrored tables join with the lake, a source
 * that is down fails only the queries that need what it has not delivered yet (08001, naming it),
 * everything else keeps working, and it is picked up again when it comes back.
 */
class PostgresSourceWireTest {
  @Test
  void sourceThatIsDownFailsOnlyItsUnmirroredTablesAndRecoversWhenItComesBack() throws Exception {
    try (PostgresServer server = PostgresServer.startDedicated()) {
      String db = server.createDatabase("live");
      server.execute(db, "CREATE TABLE orders (order_id int4 PRIMARY KEY, symbol text)",
          "INSERT INTO orders SELECT i, 'SYM' || (i % 20) FROM generate_series(1, 100) i");
      PostgresSourceConfig oltp = new PostgresSourceConfig("oltp", server.host(), server.port(), db,
          PostgresServer.USER, PostgresServer.PASSWORD, null, true, 0, null);
      PostgresSourceConfig ghost = new PostgresSourceConfig("ghost", "127.0.0.1", 1, "nowhere", "nobody", null, null, true);
      PlatformConfig config = PlatformConfig.defaults().withSources(List.of(oltp, ghost));

      try (TestGateway gateway = TestGateway.start(config);
          Connection client = gateway.connect()) {
        List<SourceSyncResult> first = gateway.server().sourceSync().syncNow();
        assertThat(first).extracting(SourceSyncResult::succeeded).containsExactly(true, false);

        assertThat(rows(client, "SELECT count(*) FROM oltp.orders o JOIN bronze.trades t USING (symbol)"))
            .containsExactly("50000");
        assertThat(rows(client, "SELECT count(*) FROM oltp.public.orders")).as("one name whatever the path")
            .containsExactly("100");
        assertFailsNaming(client, "SELECT * FROM ghost.orders", "ghost");
        assertThat(rows(client, "SELECT count(*) FROM bronze.trades")).containsExactly("10000");

        server.suspend();
        assertThat(gateway.server().sourceSync().syncNow().get(0).error()).contains("\"oltp\"").contains("unavailable");
        assertThat(rows(client, "SELECT count(*) FROM oltp.orders")).as("the old mirror stays").containsExactly("100");
        assertFailsNaming(client, "SELECT * FROM oltp.fills", "oltp");

        server.resume();
        server.execute(db, "CREATE TABLE fills (fill_id int4, order_id int4)", "INSERT INTO fills VALUES (1, 1)");
        assertThat(gateway.server().sourceSync().syncNow().get(0).succeeded()).isTrue();
        assertThat(rows(client, "SELECT count(*) FROM oltp.fills f JOIN oltp.orders o USING (order_id)"))
            .containsExactly("1");
      }
    }
  }

  private static void assertFailsNaming(Connection client, String sql, String source) {
    assertThatThrownBy(() -> rows(client, sql))
        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("08001"))
        .hasMessageContaining("postgres source \"" + source + "\" is unavailable");
  }
}
