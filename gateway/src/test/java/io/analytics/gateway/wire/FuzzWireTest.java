package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.RawPgClient;
import io.analytics.gateway.testing.RawPgClient.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Mutations of a real session's bytes (flipped bytes, truncations, duplicated and dropped spans,
 * forged lengths), seeded so that a failure replays, plus the known malicious inputs of peer
 * servers (empty Close/Describe, negative counts, lengths 0, 3, 10001 and 2^31): thousands of
 * connections, after which the server still answers and holds no stray sessions.
 */
class FuzzWireTest {
  private static final int MUTATED_SESSIONS = Integer.getInteger("fuzz.sessions", 3_000);

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  /** What pgjdbc sends for a prepared query with one parameter, then a simple query and Terminate. */
  private static byte[] capturedSession() {
    ByteArrayOutputStream session = new ByteArrayOutputStream();
    session.writeBytes(startup("user", "fuzzer", "database", "lake"));
    session.writeBytes(message('P', cstring("s1"), cstring("SELECT count(*) FROM bronze.trades WHERE trade_id > $1"), shorts(1), ints(23)));
    session.writeBytes(message('D', new byte[] {'S'}, cstring("s1")));
    session.writeBytes(message('B', cstring(""), cstring("s1"), shorts(1, 1), shorts(1), ints(4), ints(10), shorts(1, 1)));
    session.writeBytes(message('E', cstring(""), ints(0)));
    session.writeBytes(message('S'));
    session.writeBytes(message('Q', cstring("SELECT 1; SELECT 'x'")));
    session.writeBytes(message('C', new byte[] {'S'}, cstring("s1")));
    session.writeBytes(message('S'));
    session.writeBytes(message('X'));
    return session.toByteArray();
  }

  @Test
  void mutatedSessionsNeverHurtTheServer() throws Exception {
    byte[] original = capturedSession();
    // The unmutated session is accepted as a whole (it ends with Terminate, so the server closes).
    assertThat(exchange(original, false)).contains("SELECT 1");
    Random random = new Random(20261125L);
    for (int i = 0; i < MUTATED_SESSIONS; i++) {
      // Half-closing makes the server see the end at once instead of waiting for a truncated frame.
      exchange(mutate(original, random), true);
    }
    assertServerIsWell();
  }

  @Test
  void knownMaliciousInputsAreRefusedCleanly() throws Exception {
    List<byte[]> afterLogin = List.of(
        message('C'),                                        // Close without kind or name
        message('D'),                                        // Describe without kind or name
        message('C', new byte[] {'Z'}, cstring("x")),         // Close of an unknown kind
        message('B', cstring(""), cstring(""), shorts(-1)),   // negative format count
        message('B', cstring(""), cstring(""), shorts(0), shorts(-5)), // negative parameter count
        message('P', cstring(""), cstring("SELECT 1"), shorts(-1)), // negative parameter type count
        message('E', cstring(""), ints(-1)),                 // negative row limit is "all" in PostgreSQL
        lengthOnly('Q', 0), lengthOnly('Q', 3), lengthOnly('Q', Integer.MIN_VALUE),
        // A well-formed length of 10,001 whose body is a string without its terminator.
        message('Q', "a".repeat(10_001 - 4).getBytes(StandardCharsets.US_ASCII)));
    for (int i = 0; i < afterLogin.size(); i++) {
      byte[] input = afterLogin.get(i);
      try (RawPgClient client = new RawPgClient(gateway.host(), gateway.port())) {
        client.sendStartup(196608, "user", "fuzzer");
        client.readUntilReady();
        client.sendRaw(input);
        if (input.length > 5 && input.length < 10_000) {
          // A whole message: Sync asks for the ReadyForQuery that shows the session went on.
          client.sendRaw(message('S'));
        }
        List<Message> replies = readQuietly(client);
        // Either an error and the session goes on (ReadyForQuery), or FATAL 08P01 and the connection ends.
        assertThat(replies).as("input %d", i).extracting(Message::type).containsAnyOf('E', 'Z');
      }
    }
    for (int length : new int[] {0, 3, 10_001, Integer.MIN_VALUE}) {
      try (RawPgClient client = new RawPgClient(gateway.host(), gateway.port())) {
        client.sendRaw(ByteBuffer.allocate(8).putInt(length).putInt(196608).array());
        assertThat(readQuietly(client)).extracting(Message::type).containsOnly('E');
      }
    }
    assertServerIsWell();
  }

  private static List<Message> readQuietly(RawPgClient client) {
    try {
      return client.readUntilReady();
    } catch (IOException e) {
      return List.of();
    }
  }

  private void assertServerIsWell() throws Exception {
    // The server closes a connection at once; sessions already started finish their setup and go.
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (gateway.server().activeSessions() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(gateway.server().activeSessions()).as("no session left behind").isZero();
    try (Connection connection = gateway.connect(); ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM bronze.trades")) {
      rows.next();
      assertThat(rows.getLong(1)).isEqualTo(10_000);
    }
  }

  /** Sends the bytes on a fresh connection and reads whatever comes back until the server closes or 2 s pass. */
  private String exchange(byte[] bytes, boolean halfClose) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(gateway.host(), gateway.port()), 2_000);
      socket.setSoTimeout(2_000);
      socket.getOutputStream().write(bytes);
      if (halfClose) {
        socket.shutdownOutput();
      }
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return "";
    }
  }

  private static byte[] mutate(byte[] original, Random random) {
    byte[] bytes = original.clone();
    switch (random.nextInt(5)) {
      case 0 -> {
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return bytes;
      }
      case 1 -> {
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));
      }
      case 2 -> {
        int at = random.nextInt(bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(at, new int[] {0, 3, 4, 10_001, -1, Integer.MAX_VALUE}[random.nextInt(6)]);
        return bytes;
      }
      case 3 -> {
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(32));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, to);
        out.write(bytes, from, to - from);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
      }
      default -> {
        int from = random.nextInt(bytes.length);
        int to = Math.min(bytes.length, from + 1 + random.nextInt(32));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, from);
        out.write(bytes, to, bytes.length - to);
        return out.toByteArray();
      }
    }
  }

  private static byte[] startup(String... keyValues) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(ints(196608));
    for (String part : keyValues) {
      body.writeBytes(cstring(part));
    }
    body.write(0);
    return ByteBuffer.allocate(body.size() + 4).putInt(body.size() + 4).put(body.toByteArray()).array();
  }

  private static byte[] message(char type, byte[]... parts) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      body.writeBytes(part);
    }
    return ByteBuffer.allocate(body.size() + 5).put((byte) type).putInt(body.size() + 4).put(body.toByteArray()).array();
  }

  private static byte[] lengthOnly(char type, int length) {
    return ByteBuffer.allocate(5).put((byte) type).putInt(length).array();
  }

  private static byte[] cstring(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.copyOf(bytes, bytes.length + 1);
  }

  private static byte[] shorts(int... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 2);
    for (int value : values) {
      buffer.putShort((short) value);
    }
    return buffer.array();
  }

  private static byte[] ints(int... values) {
    ByteBuffer buffer = ByteBuffer.allocate(values.length * 4);
    for (int value : values) {
      buffer.putInt(value);
    }
    return buffer.array();
  }
}
