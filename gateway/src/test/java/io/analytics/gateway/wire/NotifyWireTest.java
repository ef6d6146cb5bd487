package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * pgjdbc's getNotifications for NOTIFY sent with pg_notify(channel, payload): at a commit, with bound
 * parameters, through savepoints; pg_notify's void result and its errors in a transaction block
 * (compared with PostgreSQL 15); the same through psycopg2 and node-postgres, compared too.
 */
class NotifyWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  /** Opens a connection to the gateway or to the reference PostgreSQL. */
  @FunctionalInterface
  private interface Server {
    Connection connect() throws SQLException;
  }

  private static final Server POSTGRES = () -> PostgresServer.shared().connect("postgres");

  @Test
  void pgNotifyIsDeliveredToJdbcListenersAtCommit() throws Exception {
    try (Connection listener = gateway.connect(); Connection sender = gateway.connect();
        Statement listening = listener.createStatement(); Statement sending = sender.createStatement()) {
      listening.execute("LISTEN jdbc_refresh");
      sender.setAutoCommit(false);
      try (ResultSet rows = sending.executeQuery("SELECT pg_notify('jdbc_refresh', 'gold.daily_pnl')")) {
        assertThat(rows.getMetaData().getColumnName(1)).isEqualTo("pg_notify");
        assertThat(rows.next()).isTrue();
        assertThat(rows.getString(1)).isEmpty();
      }
      assertThat(listener.unwrap(PGConnection.class).getNotifications(200)).as("not before commit").isEmpty();
      sender.commit();
      PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(10_000);
      assertThat(received).hasSize(1);
      assertThat(received[0].getName()).isEqualTo("jdbc_refresh");
      assertThat(received[0].getParameter()).isEqualTo("gold.daily_pnl");
      assertThat(received[0].getPID()).isEqualTo(sender.unwrap(PGConnection.class).getBackendPID());
    }
  }

  @Test
  void pgNotifyWithParametersFromAPreparedStatement() throws Exception {
    try (Connection listener = gateway.connect(); Connection sender = gateway.connect();
        Statement listening = listener.createStatement();
        PreparedStatement sending = sender.prepareStatement("SELECT pg_notify(?, ?)")) {
      listening.execute("LISTEN jdbc_prepared");
      // Five executions: pgjdbc switches to a named server-side statement from the fifth on.
      for (int i = 1; i <= 5; i++) {
        sending.setString(1, "jdbc_prepared");
        sending.setString(2, "payload " + i);
        try (ResultSet rows = sending.executeQuery()) {
          assertThat(rows.getMetaData().getColumnName(1)).isEqualTo("pg_notify");
          assertThat(rows.next()).isTrue();
          assertThat(rows.getString(1)).isEmpty();
        }
      }
      List<String> payloads = new ArrayList<>();
      for (int i = 0; i < 50 && payloads.size() < 5; i++) {
        PGNotification[] received = listener.unwrap(PGConnection.class).getNotifications(200);
        for (PGNotification notification : received == null ? new PGNotification[0] : received) {
          assertThat(notification.getName()).isEqualTo("jdbc_prepared");
          payloads.add(notification.getParameter());
        }
      }
      assertThat(payloads).containsExactly("payload 1", "payload 2", "payload 3", "payload 4", "payload 5");
    }
  }

  @Test
  void rollbackToSavepointDropsTheNotificationsAfterItAsPostgres() throws Exception {
    List<String> received = savepointNotifications(gateway::connect);
    assertThat(received).containsExactly("before", "released", "after recovery");
    assertThat(received).isEqualTo(savepointNotifications(POSTGRES));
  }

  /** What a listener receives from one transaction that sets, releases and rolls back to savepoints with pgjdbc's API. */
  private static List<String> savepointNotifications(Server server) throws Exception {
    try (Connection listener = server.connect(); Connection sender = server.connect();
        Statement listening = listener.createStatement(); Statement sending = sender.createStatement()) {
      listening.execute("LISTEN jdbc_savepoints");
      sender.setAutoCommit(false);
      sending.execute("NOTIFY jdbc_savepoints, 'before'");
      Savepoint first = sender.setSavepoint();
      sending.execute("NOTIFY jdbc_savepoints, 'rolled back'");
      try (PreparedStatement notify = sender.prepareStatement("SELECT pg_notify(?, ?)")) {
        notify.setString(1, "jdbc_savepoints");
        notify.setString(2, "rolled back too");
        notify.executeQuery().close();
      }
      sender.rollback(first);
      Savepoint second = sender.setSavepoint("kept");
      sending.execute("NOTIFY jdbc_savepoints, 'released'");
      sender.releaseSavepoint(second);
      Savepoint third = sender.setSavepoint();
      try {
        sending.execute("SELECT pg_notify('', 'fails')");
      } catch (SQLException expected) {
        // the transaction is aborted until the rollback to the savepoint
      }
      sender.rollback(third);
      sending.execute("SELECT pg_notify('jdbc_savepoints', 'after recovery')");
      sender.commit();
      List<String> payloads = new ArrayList<>();
      for (int i = 0; i < 50 && payloads.size() < 3; i++) {
        PGNotification[] more = listener.unwrap(PGConnection.class).getNotifications(200);
        for (PGNotification notification : more == null ? new PGNotification[0] : more) {
          payloads.add(notification.getParameter());
        }
      }
      return payloads;
    }
  }

  @Test
  void pgNotifyAnswersVoidAndReportsItsErrorsInATransactionBlockAsPostgres() throws Exception {
    List<String> answers = voidAndErrors(gateway::connect);
    assertThat(answers).startsWith("pg_notify void 1111", "sent void 1111");
    assertThat(answers).contains("22023 ERROR: channel name cannot be empty", "22023 ERROR: payload string too long");
    assertThat(answers).isEqualTo(voidAndErrors(POSTGRES));
  }

  /** The result column of pg_notify with parameters and over rows, then its errors inside a transaction block. */
  private static List<String> voidAndErrors(Server server) throws Exception {
    List<String> answers = new ArrayList<>();
    try (Connection connection = server.connect()) {
      for (String sql : List.of("SELECT pg_notify(?, ?)", "SELECT pg_notify(?, x::text) AS sent FROM generate_series(1, 3) AS g(x)")) {
        try (PreparedStatement notify = connection.prepareStatement(sql)) {
          notify.setString(1, "jdbc_void");
          if (sql.contains("?, ?")) {
            notify.setString(2, "payload");
          }
          try (ResultSet rows = notify.executeQuery()) {
            ResultSetMetaData metaData = rows.getMetaData();
            answers.add(metaData.getColumnName(1) + " " + metaData.getColumnTypeName(1) + " " + metaData.getColumnType(1));
          }
        }
      }
      connection.setAutoCommit(false);
      for (List<String> arguments : List.of(List.of("", "x"), List.of("jdbc_void", "x".repeat(8000)), List.of("c".repeat(64), "x"))) {
        try (PreparedStatement notify = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
          notify.setString(1, arguments.get(0));
          notify.setString(2, arguments.get(1));
          notify.executeQuery().close();
          answers.add("no error");
        } catch (SQLException e) {
          answers.add(e.getSQLState() + " " + e.getMessage());
        }
        connection.rollback();
      }
    }
    return answers;
  }

  @Test
  void psycopg2SavepointsVoidAndErrorsAsPostgres() {
    ClientScript.Result result = ClientScript.runPsycopg2ComparedWith(PostgresServer.shared(), gateway.host(), gateway.port(),
        "notify_savepoint_checks.py");
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).containsExactly("savepoints", "void", "errors");
  }

  @Test
  void nodePostgresSavepointsVoidAndErrorsAsPostgres() {
    Path node = ClientScript.CLIENTS.resolve("node");
    assumeTrue(Files.isDirectory(node.resolve("node_modules").resolve("pg")), "node-postgres is not installed");
    PostgresServer reference = PostgresServer.shared();
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of(
            "REFERENCE_HOST", reference.host(), "REFERENCE_PORT", Integer.toString(reference.port()),
            "REFERENCE_USER", PostgresServer.USER, "REFERENCE_PASSWORD", PostgresServer.PASSWORD),
        "node", node.resolve("notify_savepoint_checks.js").toString());
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.passedChecks()).containsExactly("savepoints", "void", "errors");
  }
}
