package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.RawPgClient.Message;
import io.analytics.gateway.testing.RawPgClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every type of the registry ({@link PgTypeRegistry}) is told the same way everywhere a client can
 * see it: pg_type over the wire has its OID, name, length, category and array links, and
 * format_type its name; for the types DuckDB values travel as, RowDescription gives its OID (and
 * its array's), a binary Bind parameter of it reads back the value the binary DataRow sent, and
 * binary COPY carries the very bytes of the DataRow out and back in.
 */
class TypeRegistryAgreementWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  /**
   * A value of each type that DuckDB values travel as, as a DuckDB expression; a registry type with
   * a DuckDB name or a binary COPY codec that is missing here fails the test.
   */
  private static final Map<String, String> SAMPLES = Map.ofEntries(
      Map.entry("bool", "true"),
      Map.entry("int2", "CAST(-12 AS SMALLINT)"),
      Map.entry("int4", "CAST(100000 AS INTEGER)"),
      Map.entry("int8", "CAST(10000000000 AS BIGINT)"),
      Map.entry("float4", "CAST(1.5 AS REAL)"),
      Map.entry("float8", "CAST(-2.25e300 AS DOUBLE)"),
      Map.entry("numeric", "CAST(-12.345 AS DECIMAL(10,3))"),
      Map.entry("text", "CAST('héllo, \"x\"' AS VARCHAR)"),
      Map.entry("bytea", "CAST('\\x00\\xFF' AS BLOB)"),
      Map.entry("date", "DATE '2024-02-29'"),
      Map.entry("time", "TIME '13:45:00.5'"),
      Map.entry("timestamp", "TIMESTAMP '2024-01-03 18:51:07.123456'"),
      Map.entry("timestamptz", "TIMESTAMPTZ '2024-01-03 18:51:07+00'"),
      Map.entry("interval", "INTERVAL '1 year 2 months 3 days 04:05:06.5'"),
      Map.entry("uuid", "CAST('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11' AS UUID)"),
      Map.entry("json", "CAST('{\"k\": [1, 2]}' AS JSON)"),
      Map.entry("varbit", "CAST('0101' AS BIT)"));
  /** Types only clients send (no DuckDB value travels as them): pg_type and Bind are what they have. */
  private static final List<String> INPUT_ONLY = List.of("oid", "varchar", "bpchar", "name", "char", "unknown", "jsonb");

  @Test
  void everyRegistryTypeIsCoveredHere() {
    for (PgTypeDefinition type : PgTypeRegistry.all()) {
      assertThat(SAMPLES.containsKey(type.name()) || INPUT_ONLY.contains(type.name()))
          .as("a sample value for %s", type.name()).isTrue();
      assertThat(type.duckDbNames().isEmpty()).as("DuckDB names of %s", type.name()).isEqualTo(INPUT_ONLY.contains(type.name()));
    }
  }

  @Test
  void pgTypeOverTheWireIsTheRegistry() throws Exception {
    try (Connection connection = gateway.connect();
        PreparedStatement query = connection.prepareStatement(
            "SELECT typname, typlen, typcategory, typarray, typelem, format_type(oid, NULL) FROM pg_catalog.pg_type WHERE oid = ?")) {
      for (PgTypeDefinition type : PgTypeRegistry.all()) {
        query.setLong(1, type.oid());
        try (ResultSet rs = query.executeQuery()) {
          assertThat(rs.next()).as("pg_type row of %s", type.name()).isTrue();
          assertThat(List.of(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6)))
              .as(type.name())
              .isEqualTo(List.of(type.name(), type.typlen(), String.valueOf(type.category()), (long) type.arrayOid(), 0L, type.sqlName()));
        }
        if (type.arrayOid() == 0) {
          continue;
        }
        query.setLong(1, type.arrayOid());
        try (ResultSet rs = query.executeQuery()) {
          assertThat(rs.next()).as("pg_type row of %s[]", type.name()).isTrue();
          assertThat(List.of(rs.getString(1), rs.getLong(5), rs.getString(6)))
              .as(type.name() + "[]").isEqualTo(List.of("_" + type.name(), (long) type.oid(), type.sqlName() + "[]"));
        }
      }
    }
  }

  @Test
  void rowDescriptionBindAndBinaryCopyAgreeForEveryType() throws Exception {
    try (RawPgClient client = loggedIn()) {
      for (PgTypeDefinition type : PgTypeRegistry.all()) {
        String sample = SAMPLES.get(type.name());
        if (sample == null) {
          continue;
        }
        checkValue(client, type.name(), type.oid(), sample, type.copyCodec() != null, true);
        if (type.arrayOid() != 0) {
          // An array parameter the registry gives no DuckDB cast reaches DuckDB as list text (docs/TYPES.md).
          checkValue(client, type.name() + "[]", type.arrayOid(), "[" + sample + ", NULL]", type.copyCodec() != null,
              type.arrayParameterCast() != null);
        }
      }
    }
  }

  private static void checkValue(RawPgClient client, String name, int oid, String sample, boolean binaryCopy, boolean bind)
      throws IOException {
    Value text = select(client, "SELECT " + sample + " AS v", false);
    assertThat(text.oid()).as("RowDescription type of %s", name).isEqualTo(oid);
    if (!binaryCopy) {
      return; // bit varying travels as text only
    }
    Value binary = select(client, "SELECT " + sample + " AS v", true);
    assertThat(binary.oid()).as("binary RowDescription type of %s", name).isEqualTo(oid);

    if (bind) {
      String decoded = bindBinary(client, oid, binary.bytes());
      assertThat(decoded).as("binary Bind of %s read back", name).isEqualTo(new String(text.bytes(), StandardCharsets.UTF_8));
    }

    byte[] copied = copyOut(client, "COPY (SELECT " + sample + " AS v) TO STDOUT (FORMAT binary)");
    byte[] expected = concat("PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1), new byte[8], new byte[] {0, 1},
        ByteBuffer.allocate(4).putInt(binary.bytes().length).array(), binary.bytes(), new byte[] {(byte) 0xff, (byte) 0xff});
    assertThat(HexFormat.of().formatHex(copied)).as("binary COPY of %s", name).isEqualTo(HexFormat.of().formatHex(expected));

    simple(client, "CREATE OR REPLACE TEMP TABLE agree AS SELECT " + sample + " AS v LIMIT 0");
    copyIn(client, "COPY agree FROM STDIN (FORMAT binary)", copied);
    Value loaded = select(client, "SELECT v FROM agree", false);
    assertThat(new String(loaded.bytes(), StandardCharsets.UTF_8)).as("binary COPY FROM of %s", name)
        .isEqualTo(new String(text.bytes(), StandardCharsets.UTF_8));
  }

  /** A result column's type OID and its one value's bytes. */
  private record Value(int oid, byte[] bytes) {}

  private static Value select(RawPgClient client, String sql, boolean binary) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parse(out, sql, new int[0]);
    bind(out, new byte[0][], binary);
    describeExecuteSync(out);
    client.sendRaw(out.toByteArray());
    return oneValue(client.readUntilReady(), sql);
  }

  /** Sends {@code SELECT $1} with a parameter declared as {@code oid} in binary; returns the value as text. */
  private static String bindBinary(RawPgClient client, int oid, byte[] value) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    parse(out, "SELECT $1 AS v", new int[] {oid});
    bind(out, new byte[][] {value}, false);
    describeExecuteSync(out);
    client.sendRaw(out.toByteArray());
    return new String(oneValue(client.readUntilReady(), "SELECT $1 (" + oid + ")").bytes(), StandardCharsets.UTF_8);
  }

  private static Value oneValue(List<Message> messages, String what) {
    int oid = -1;
    byte[] bytes = null;
    for (Message message : messages) {
      ByteBuffer body = ByteBuffer.wrap(message.body());
      switch (message.type()) {
        case 'E' -> throw new AssertionError(what + ": " + message.text());
        case 'T' -> {
          body.getShort();
          while (body.get() != 0) {
            // the column name
          }
          body.getInt();
          body.getShort();
          oid = body.getInt();
        }
        case 'D' -> {
          body.getShort();
          bytes = new byte[body.getInt()];
          body.get(bytes);
        }
        default -> {
          // ParseComplete, BindComplete, CommandComplete, ReadyForQuery
        }
      }
    }
    assertThat(bytes).as(what).isNotNull();
    return new Value(oid, bytes);
  }

  private static byte[] copyOut(RawPgClient client, String sql) throws IOException {
    client.sendQuery(sql);
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    for (Message message : client.readUntilReady()) {
      assertThat(message.type()).as(sql + ": " + message.text()).isNotEqualTo('E');
      if (message.type() == 'd') {
        data.writeBytes(message.body());
      }
    }
    return data.toByteArray();
  }

  private static void copyIn(RawPgClient client, String sql, byte[] data) throws IOException {
    client.sendQuery(sql);
    Message response = client.read();
    assertThat(response.type()).as(sql + ": " + response.text()).isEqualTo('G');
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message(out, 'd', data);
    message(out, 'c', new byte[0]);
    client.sendRaw(out.toByteArray());
    List<Message> messages = client.readUntilReady();
    assertThat(messages.stream().map(Message::type).toList()).as(sql + " " + messages.stream().map(Message::text).toList())
        .containsExactly('C', 'Z');
    assertThat(messages.get(0).text()).startsWith("COPY 1");
  }

  private static void simple(RawPgClient client, String sql) throws IOException {
    client.sendQuery(sql);
    for (Message message : client.readUntilReady()) {
      assertThat(message.type()).as(sql + ": " + message.text()).isNotEqualTo('E');
    }
  }

  private static void parse(ByteArrayOutputStream out, String sql, int[] parameterTypes) {
    ByteBuffer body = ByteBuffer.allocate(sql.getBytes(StandardCharsets.UTF_8).length + 8 + 4 * parameterTypes.length);
    body.put((byte) 0).put(sql.getBytes(StandardCharsets.UTF_8)).put((byte) 0).putShort((short) parameterTypes.length);
    for (int type : parameterTypes) {
      body.putInt(type);
    }
    message(out, 'P', Arrays.copyOf(body.array(), body.position()));
  }

  /** Bind of the unnamed statement: every parameter in binary, the result in binary or text. */
  private static void bind(ByteArrayOutputStream out, byte[][] parameters, boolean binaryResult) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0, 0});
    body.writeBytes(ByteBuffer.allocate(2).putShort((short) parameters.length).array());
    for (int i = 0; i < parameters.length; i++) {
      body.writeBytes(new byte[] {0, 1});
    }
    body.writeBytes(ByteBuffer.allocate(2).putShort((short) parameters.length).array());
    for (byte[] parameter : parameters) {
      body.writeBytes(ByteBuffer.allocate(4).putInt(parameter.length).array());
      body.writeBytes(parameter);
    }
    body.writeBytes(new byte[] {0, 1, 0, (byte) (binaryResult ? 1 : 0)});
    message(out, 'B', body.toByteArray());
  }

  private static void describeExecuteSync(ByteArrayOutputStream out) {
    message(out, 'D', new byte[] {'P', 0});
    message(out, 'E', new byte[] {0, 0, 0, 0, 0});
    message(out, 'S', new byte[0]);
  }

  private static void message(ByteArrayOutputStream out, char type, byte[] body) {
    out.write(type);
    out.writeBytes(ByteBuffer.allocate(4).putInt(4 + body.length).array());
    out.writeBytes(body);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static RawPgClient loggedIn() throws IOException {
    RawPgClient client = new RawPgClient(gateway.host(), gateway.port());
    client.sendStartup(196608, "user", "tester", "database", "lake");
    List<Message> greeting = client.readUntilReady();
    assertThat(greeting.get(greeting.size() - 1).type()).isEqualTo('Z');
    return client;
  }
}
