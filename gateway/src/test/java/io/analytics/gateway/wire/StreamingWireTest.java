package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.RawPgClient;
import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Results stream with backpressure: a slow or vanished client costs only its own query. */
class StreamingWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void largeResultStreamsWithBoundedMemory() throws SQLException {
    try (Connection connection = gateway.connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(10_000);
        long rows = 0;
        long maxArrowBytes = 0;
        try (ResultSet rs = statement.executeQuery("SELECT i, i * 2 AS j, 'row ' || i AS s FROM range(3000000) t(i)")) {
          while (rs.next()) {
            rows++;
            if (rows % 100_000 == 0) {
              maxArrowBytes = Math.max(maxArrowBytes, gateway.server().arrowBytesAllocated());
            }
          }
        }
        assertThat(rows).isEqualTo(3_000_000);
        assertThat(maxArrowBytes).as("only a batch or two is ever held").isLessThan(64L << 20);
      }
    }
  }

  /**
   * DuckDB streams the result rather than computing all of it first: ten billion rows could never
   * be materialized, yet the first thousand arrive at once (the timeout only stops a regression
   * from hanging the suite).
   */
  @Test
  @Timeout(60)
  void firstRowsArriveBeforeTheRestIsComputed() throws SQLException {
    try (Connection connection = gateway.connect()) {
      connection.setAutoCommit(false);
      try (Statement statement = connection.createStatement()) {
        statement.setFetchSize(1_000);
        try (ResultSet rs = statement.executeQuery("SELECT i, 'row ' || i AS s FROM range(10000000000) t(i)")) {
          for (long i = 0; i < 1_000; i++) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isEqualTo(i);
          }
        }
      }
      connection.rollback();
    }
  }

  @Test
  void clientThatStopsReadingStallsOnlyItself() throws Exception {
    try (RawPgClient stalled = new RawPgClient(gateway.host(), gateway.port())) {
      stalled.sendStartup(196608, "user", "slow");
      stalled.readUntilReady();
      stalled.sendQuery("SELECT i, repeat('x', 100) FROM range(100000000) t(i)");
      Thread.sleep(1000);
      long arrowBytes = gateway.server().arrowBytesAllocated();
      assertThat(arrowBytes).as("the unread result does not pile up").isLessThan(64L << 20);
      long start = System.nanoTime();
      try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
          ResultSet rs = statement.executeQuery("SELECT count(*) FROM bronze.trades")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(10_000);
      }
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void clientThatDisconnectsMidResultFreesItsQuery() throws Exception {
    // Sessions of earlier tests close asynchronously; start from a quiet server.
    waitForActiveSessions(0);
    int before = gateway.server().activeSessions();
    RawPgClient leaving = new RawPgClient(gateway.host(), gateway.port());
    leaving.sendStartup(196608, "user", "leaving");
    leaving.readUntilReady();
    leaving.sendQuery("SELECT i FROM range(100000000) t(i)");
    leaving.read();
    assertThat(gateway.server().activeSessions()).isEqualTo(before + 1);
    leaving.close();
    waitForActiveSessions(before);
    assertThat(gateway.server().activeSessions()).as("the session and its query are gone").isEqualTo(before);
  }

  private static void waitForActiveSessions(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (gateway.server().activeSessions() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
