package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import java.io.DataOutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.util.PSQLException;

/** Statement.cancel() (also inside a transaction block, compared with PostgreSQL 15), statement_timeout and CancelRequests with a wrong key. */
class CancelWireTest {
  /** Long enough to never finish on its own in these tests. */
  static final String LONG_QUERY = "SELECT sum(a.i * b.j) FROM range(100000000) a(i), range(1000000) b(j)";

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void cancelStopsARunningQueryWithin57014() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
        Connection observer = gateway.connect()) {
      CompletableFuture<SQLException> running =
          CompletableFuture.supplyAsync(() -> catchThrowableOfType(SQLException.class, () -> statement.executeQuery(LONG_QUERY)));
      awaitActive(observer, connection);
      long cancelledAt = System.nanoTime();
      statement.cancel();
      SQLException error = running.get(10, TimeUnit.SECONDS);
      long stopMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
      assertThat((Throwable) error).isNotNull();
      assertThat(error.getSQLState()).isEqualTo("57014");
      assertThat(error.getMessage()).contains("canceling statement due to user request");
      assertThat(stopMillis).as("stops within a second").isLessThan(1000);
      try (ResultSet rs = statement.executeQuery("SELECT 7")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(7);
      }
    }
  }

  /**
   * What a client sees cancelling a query inside a transaction block, as SQLSTATEs: the query's, the
   * next statement's, ROLLBACK's outcome ("ok") and a statement's after it.
   */
  private static List<String> cancelInTransaction(Connection connection, Connection observer, String longQuery) throws Exception {
    List<String> outcomes = new ArrayList<>();
    connection.setAutoCommit(false);
    try (Statement statement = connection.createStatement()) {
      statement.executeQuery("SELECT 1").close();
      CompletableFuture<PSQLException> running =
          CompletableFuture.supplyAsync(() -> catchThrowableOfType(PSQLException.class, () -> statement.executeQuery(longQuery)));
      awaitActive(observer, connection);
      statement.cancel();
      PSQLException cancelled = running.get(30, TimeUnit.SECONDS);
      outcomes.add(cancelled == null ? "ok" : cancelled.getSQLState() + " " + cancelled.getServerErrorMessage().getMessage());
      PSQLException next = catchThrowableOfType(PSQLException.class, () -> statement.executeQuery("SELECT 2").close());
      outcomes.add(next == null ? "ok" : next.getSQLState() + " " + next.getServerErrorMessage().getMessage());
      connection.rollback();
      outcomes.add("ok");
      statement.executeQuery("SELECT 3").close();
      outcomes.add("ok");
    }
    return outcomes;
  }

  @Test
  void cancelInsideATransactionBlockAbortsItUntilRollbackAsPostgres() throws Exception {
    List<String> expected;
    try (Connection connection = PostgresServer.shared().connect("postgres");
        Connection observer = PostgresServer.shared().connect("postgres")) {
      expected = cancelInTransaction(connection, observer, "SELECT pg_sleep(60)");
    }
    assertThat(expected).containsExactly("57014 canceling statement due to user request",
        "25P02 current transaction is aborted, commands ignored until end of transaction block", "ok", "ok");
    try (Connection connection = gateway.connect(); Connection observer = gateway.connect()) {
      assertThat(cancelInTransaction(connection, observer, LONG_QUERY)).isEqualTo(expected);
    }
  }

  @Test
  void statementTimeoutCancelsLongQueries() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET statement_timeout = '300ms'");
      SQLException error = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(LONG_QUERY));
      assertThat(error.getSQLState()).isEqualTo("57014");
      assertThat(error.getMessage()).contains("statement timeout");
      try (ResultSet rs = statement.executeQuery("SELECT 8")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(8);
      }
    }
  }

  @Test
  void cancelRequestWithAWrongKeyDoesNothing() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      int pid = connection.unwrap(PGConnection.class).getBackendPID();
      statement.execute("SET statement_timeout = '3s'");
      CompletableFuture<SQLException> running =
          CompletableFuture.supplyAsync(() -> catchThrowableOfType(SQLException.class, () -> statement.executeQuery(LONG_QUERY)));
      Thread.sleep(300);
      sendCancelRequest(pid, 12345);
      SQLException error = running.get(20, TimeUnit.SECONDS);
      assertThat(error.getMessage()).as("only the timeout stopped it").contains("statement timeout");
    }
  }

  /**
   * Waits until {@code connection}'s session is running a statement (pg_stat_activity, read through
   * {@code observer}), then a little longer: a cancel sent before the statement reached the server
   * would find nothing to cancel, as in PostgreSQL, and the query would run on (on a loaded machine
   * half a second was not always enough).
   */
  private static void awaitActive(Connection observer, Connection connection) throws Exception {
    int pid = connection.unwrap(PGConnection.class).getBackendPID();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    try (java.sql.PreparedStatement active =
        observer.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ? AND state = 'active'")) {
      active.setInt(1, pid);
      while (System.nanoTime() < deadline) {
        try (ResultSet rows = active.executeQuery()) {
          rows.next();
          if (rows.getInt(1) > 0) {
            Thread.sleep(200);
            return;
          }
        }
        Thread.sleep(50);
      }
    }
    throw new AssertionError("session " + pid + " never ran its statement");
  }

  /** A CancelRequest packet with the given key, as a second connection sends it. */
  private static void sendCancelRequest(int pid, int key) throws Exception {
    try (Socket socket = new Socket(gateway.host(), gateway.port());
        DataOutputStream out = new DataOutputStream(socket.getOutputStream())) {
      out.writeInt(16);
      out.writeInt(80877102);
      out.writeInt(pid);
      out.writeInt(key);
      out.flush();
      assertThat(socket.getInputStream().read()).as("server closes without answering").isEqualTo(-1);
    }
  }
}
