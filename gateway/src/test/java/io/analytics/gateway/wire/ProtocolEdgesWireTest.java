package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Statements longer than 32 KiB, and a client that terminates before its startup packet. */
class ProtocolEdgesWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void statementsLongerThan32KiBRunInBothProtocols() throws SQLException {
    String literal = "x".repeat(40_000);
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      try (ResultSet rs = statement.executeQuery("SELECT length('" + literal + "')")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(40_000);
        assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("length");
      }
      try (ResultSet rs = statement.executeQuery("SELECT '" + "y".repeat(32_757) + "'")) {
        rs.next();
        assertThat(rs.getString(1)).hasSize(32_757);
        assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("?column?");
      }
      try (PreparedStatement prepared = connection.prepareStatement("SELECT length('" + literal + "') + ?")) {
        prepared.setInt(1, 1);
        try (ResultSet rs = prepared.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(40_001);
        }
      }
    }
  }

  /** node-postgres' quick-disconnect: PostgreSQL closes without a word; an error message would crash the client. */
  @Test
  void terminateBeforeStartupClosesQuietly() throws Exception {
    try (Socket socket = new Socket(gateway.host(), gateway.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(new byte[] {'X', 0, 0, 0, 4});
      out.flush();
      InputStream in = socket.getInputStream();
      assertThat(in.read()).as("no bytes before the close").isEqualTo(-1);
    }
  }
}
