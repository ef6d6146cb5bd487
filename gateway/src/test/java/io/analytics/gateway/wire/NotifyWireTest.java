package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/** pgjdbc's getNotifications for NOTIFY sent with pg_notify(channel, payload) at a commit. */
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
}
