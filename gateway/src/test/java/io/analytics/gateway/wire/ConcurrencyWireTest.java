package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One DuckDB connection per session over one database: many sessions at once, none blocking another. */
class ConcurrencyWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void twoHundredConcurrentSessionsEachGetTheirAnswer() throws Exception {
    int sessions = 200;
    List<Connection> connections = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(32);
    try {
      for (int i = 0; i < sessions; i++) {
        connections.add(gateway.connect());
      }
      assertThat(gateway.server().activeSessions()).isGreaterThanOrEqualTo(sessions);
      List<CompletableFuture<Long>> answers = new ArrayList<>();
      for (int i = 0; i < sessions; i++) {
        Connection connection = connections.get(i);
        int symbol = i % 20;
        answers.add(CompletableFuture.supplyAsync(() -> {
          try (Statement statement = connection.createStatement();
              ResultSet rs = statement.executeQuery("SELECT count(*) FROM bronze.trades WHERE symbol = 'SYM" + symbol + "'")) {
            rs.next();
            return rs.getLong(1);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }, pool));
      }
      for (CompletableFuture<Long> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).isEqualTo(500L);
      }
    } finally {
      for (Connection connection : connections) {
        connection.close();
      }
      pool.shutdownNow();
    }
  }

  @Test
  void longQueryInOneSessionDoesNotStallOthers() throws Exception {
    try (Connection busy = gateway.connect(); Statement busyStatement = busy.createStatement()) {
      busyStatement.execute("SET statement_timeout = '5s'");
      CompletableFuture<SQLException> longQuery = CompletableFuture.supplyAsync(
          () -> catchThrowableOfType(SQLException.class, () -> busyStatement.executeQuery(CancelWireTest.LONG_QUERY)));
      Thread.sleep(300);
      for (int i = 0; i < 20; i++) {
        try (Connection quick = gateway.connect(); Statement statement = quick.createStatement();
            ResultSet rs = statement.executeQuery("SELECT " + i)) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(i);
        }
      }
      assertThat(longQuery).as("twenty sessions answered while the long query still ran").isNotDone();
      SQLException ended = longQuery.get(30, TimeUnit.SECONDS);
      assertThat((Throwable) ended).as("the long query ended by its statement_timeout").isNotNull();
      assertThat(ended.getSQLState()).isEqualTo("57014");
      assertThat(ended.getMessage()).contains("canceling statement due to statement timeout");
    }
  }
}
