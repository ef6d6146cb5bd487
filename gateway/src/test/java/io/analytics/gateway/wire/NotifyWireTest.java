package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** pgjdbc's getNotifications for NOTIFY sent with pg_notify(channel, payload): at a commit, and with bound parameters. */
class NotifyWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

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
}
