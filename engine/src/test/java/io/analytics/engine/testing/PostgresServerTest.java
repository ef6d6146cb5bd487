package io.analytics.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PostgresServerTest {
  @Test
  void sharedServerAnswersQueries() throws Exception {
    PostgresServer server = PostgresServer.shared();
    System.out.println("PostgreSQL for tests: " + server.description());
    String db = server.createDatabase("fixture_check");
    try (Connection connection = server.connect(db);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(2);
    }
  }

  /**
   * The cause of PostgresSourceWireTest's flake, forced: the test servers run with {@code
   * synchronous_commit=off}, so a commit is acknowledged (and visible, and mirrored) before the WAL
   * writer writes it. Stopping the WAL writer (as a loaded machine starving it does) and then
   * crashing the server ({@code pg_ctl -m immediate}, what suspend() did) lost the rows: after the
   * restart the table was empty and a faithful sync mirrored it empty. A suspend that shuts down
   * cleanly writes the WAL whatever the WAL writer does.
   */
  @Test
  void suspendAndResumeKeepEveryAcknowledgedCommitEvenWithTheWalWriterStalled() throws Exception {
    try (PostgresServer server = PostgresServer.startDedicated()) {
      String db = server.createDatabase("durable");
      server.execute(db, "CREATE TABLE orders (order_id int4 PRIMARY KEY)");
      long walWriter;
      try (Connection connection = server.connect(db);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT pid FROM pg_stat_activity WHERE backend_type = 'walwriter'")) {
        org.junit.jupiter.api.Assumptions.assumeTrue(rows.next(), "no walwriter visible (not a local cluster)");
        walWriter = rows.getLong(1);
      }
      signal("STOP", walWriter);
      CompletableFuture<Void> wakeUp = CompletableFuture.runAsync(() -> {
        sleep(3000);
        signal("CONT", walWriter);
      });
      try {
        server.execute(db, "INSERT INTO orders SELECT i FROM generate_series(1, 100) i");
        server.suspend();
      } finally {
        wakeUp.get(30, TimeUnit.SECONDS);
      }
      server.resume();
      try (Connection connection = server.connect(db);
          Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM orders")) {
        rows.next();
        assertThat(rows.getLong(1)).as("rows committed before the source went down").isEqualTo(100);
      }
    }
  }

  private static void signal(String signal, long pid) {
    try {
      Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
      assertThat(kill.waitFor()).isZero();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
