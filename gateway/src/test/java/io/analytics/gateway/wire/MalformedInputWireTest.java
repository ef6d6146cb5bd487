package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.RawPgClient;
import io.analytics.gateway.testing.RawPgClient.Message;
import io.analytics.gateway.testing.GatewayExtension;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Bad bytes get FATAL 08P01 on that connection only: the server never crashes, hangs or stops
 * answering other clients.
 */
class MalformedInputWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @AfterEach
  void serverStillAnswersRealClients() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT count(*) FROM bronze.trades")) {
      rs.next();
      assertThat(rs.getLong(1)).isEqualTo(10_000);
    }
  }

  private static RawPgClient raw() throws IOException {
    return new RawPgClient(gateway.host(), gateway.port());
  }

  private static void assertProtocolViolation(List<Message> messages) {
    assertThat(messages).isNotEmpty();
    Message last = messages.get(messages.size() - 1);
    assertThat(last.type()).isEqualTo('E');
    assertThat(last.text()).contains("FATAL").contains("08P01");
  }

  private static RawPgClient loggedIn() throws IOException {
    RawPgClient client = raw();
    client.sendStartup(196608, "user", "raw", "database", "lake");
    List<Message> greeting = client.readUntilReady();
    assertThat(greeting.get(greeting.size() - 1).type()).isEqualTo('Z');
    return client;
  }

  @Test
  void garbageBeforeStartupIsRefused() throws IOException {
    try (RawPgClient client = raw()) {
      client.sendRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
      assertProtocolViolation(client.readUntilClosed());
    }
  }

  @Test
  void oversizedStartupPacketIsRefused() throws IOException {
    try (RawPgClient client = raw()) {
      client.sendRaw(ByteBuffer.allocate(8).putInt(10_001).putInt(196608).array());
      assertProtocolViolation(client.readUntilClosed());
    }
  }

  @Test
  void unknownMessageTypeAfterLoginIsRefused() throws IOException {
    try (RawPgClient client = loggedIn()) {
      client.sendRaw(new byte[] {'!', 0, 0, 0, 4});
      assertProtocolViolation(client.readUntilClosed());
    }
  }

  @Test
  void impossibleLengthsAreRefusedWithoutAllocating() throws IOException {
    for (int length : new int[] {0, 3, Integer.MAX_VALUE, -1}) {
      try (RawPgClient client = loggedIn()) {
        client.sendRaw(ByteBuffer.allocate(5).put((byte) 'Q').putInt(length).array());
        assertProtocolViolation(client.readUntilClosed());
      }
    }
  }

  @Test
  void truncatedBindIsRefused() throws IOException {
    try (RawPgClient client = loggedIn()) {
      // Bind claiming 3 parameter values but carrying none.
      client.sendRaw(ByteBuffer.allocate(1 + 4 + 2 + 2 + 2).put((byte) 'B').putInt(10).put((byte) 0).put((byte) 0).putShort((short) 0).putShort((short) 3).array());
      assertProtocolViolation(client.readUntilClosed());
    }
  }

  @Test
  void plaintextAfterSslRequestIsRefused() throws IOException {
    try (RawPgClient client = raw()) {
      ByteBuffer packet = ByteBuffer.allocate(8 + 9);
      packet.putInt(8).putInt(80877103);
      packet.put((byte) 'Q').putInt(8).put("abc".getBytes()).put((byte) 0);
      client.sendRaw(packet.array());
      assertProtocolViolation(client.readUntilClosed());
    }
  }

  @Test
  void encryptionRequestsAreDeclinedWithN() throws IOException {
    // The answer is a single unframed byte, so read the socket directly.
    try (java.net.Socket socket = new java.net.Socket(gateway.host(), gateway.port())) {
      socket.getOutputStream().write(ByteBuffer.allocate(8).putInt(8).putInt(80877103).array());
      assertThat(socket.getInputStream().read()).isEqualTo('N');
      socket.getOutputStream().write(ByteBuffer.allocate(8).putInt(8).putInt(80877104).array());
      assertThat(socket.getInputStream().read()).as("GSSENCRequest is declined too").isEqualTo('N');
    }
  }

  @Test
  void protocol32IsNegotiatedDownTo30() throws IOException {
    try (RawPgClient client = raw()) {
      client.sendStartup(196610, "user", "raw", "_pq_.some_option", "x");
      List<Message> greeting = client.readUntilReady();
      assertThat(greeting.get(0).type()).isEqualTo('v');
      ByteBuffer body = ByteBuffer.wrap(greeting.get(0).body());
      assertThat(body.getInt()).isZero();
      assertThat(body.getInt()).isEqualTo(1);
      assertThat(greeting).extracting(Message::type).contains('R', 'S', 'K', 'Z');
      client.sendQuery("SELECT 1");
      assertThat(client.readUntilReady()).extracting(Message::type).containsExactly('T', 'D', 'C', 'Z');
    }
  }

  @Test
  void seededRandomGarbageNeverHurtsTheServer() throws IOException {
    Random random = new Random(20261124L);
    for (int i = 0; i < 200; i++) {
      boolean afterLogin = random.nextBoolean();
      try (RawPgClient client = afterLogin ? loggedIn() : raw()) {
        byte[] garbage = new byte[1 + random.nextInt(64)];
        random.nextBytes(garbage);
        client.sendRaw(garbage);
        // Either the server rejects the bytes or waits for more of a frame; it never crashes.
        client.sendRaw(new byte[] {'X', 0, 0, 0, 4});
      } catch (IOException e) {
        // The server may close the socket while we are still writing: that is a refusal too.
      }
    }
  }
}
