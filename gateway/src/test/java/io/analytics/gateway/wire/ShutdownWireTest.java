package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.analytics.gateway.testing.TestGateway;
import java.net.ConnectException;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Shutdown stops accepting, lets running queries finish within the grace period, then ends sessions. */
class ShutdownWireTest {

  @Test
  void shutdownEndsLongRunningSessionsWithAdminShutdown() throws Exception {
    TestGateway gateway = TestGateway.start();
    int port = gateway.port();
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<SQLException> running =
          CompletableFuture.supplyAsync(() -> catchThrowableOfType(SQLException.class, () -> statement.executeQuery(CancelWireTest.LONG_QUERY)));
      Thread.sleep(500);
      long start = System.nanoTime();
      gateway.close();
      SQLException error = running.get(20, TimeUnit.SECONDS);
      assertThat((Throwable) error).isNotNull();
      assertThat(error.getSQLState()).isEqualTo("57P01");
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(10_000);
    }
    assertThat(catchThrowableOfType(ConnectException.class, () -> new Socket("127.0.0.1", port).close()))
        .as("no longer accepting connections").isNotNull();
  }

  @Test
  void idleSessionsAreEndedWithAdminShutdown() throws Exception {
    TestGateway gateway = TestGateway.start();
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SELECT 1");
      gateway.close();
      SQLException error = catchThrowableOfType(SQLException.class, () -> statement.execute("SELECT 2"));
      assertThat((Throwable) error).isNotNull();
      assertThat(error.getSQLState()).isIn("57P01", "08006", "08003");
    }
  }

  @Test
  void shortQueriesFinishDuringTheGracePeriod() throws Exception {
    TestGateway gateway = TestGateway.start();
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      CompletableFuture<Long> running = CompletableFuture.supplyAsync(() -> {
        try (var rs = statement.executeQuery("SELECT count(*) FROM range(300000000) t(i) WHERE i % 7 = 0")) {
          rs.next();
          return rs.getLong(1);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      });
      Thread.sleep(100);
      // A grace period long enough for the query even on a loaded machine.
      gateway.server().shutdown(20_000);
      assertThat(running.get(30, TimeUnit.SECONDS)).isEqualTo(42857143L);
    } finally {
      gateway.close();
    }
  }
}
