package io.analytics.engine.postgres.cdc;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Column;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Tuple;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Value;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code pgoutput} protocol version 1 messages (PostgreSQL's "Logical Replication Message
 * Formats"): Begin, Commit, Relation, Insert, Update, Delete, Truncate; tuple data in text format.
 * Anything else (Origin, Type, Message) decodes to {@link PgOutputMessage.Ignored}.
 */
public final class PgOutputDecoder {
  /** Microseconds between the Unix epoch and PostgreSQL's (2000-01-01). */
  private static final long PG_EPOCH_MICROS = 946_684_800_000_000L;

  private PgOutputDecoder() {}

  /** Decodes one message; the buffer is read from its position to its limit. */
  public static PgOutputMessage decode(ByteBuffer buffer) {
    try {
      char kind = (char) buffer.get();
      return switch (kind) {
        case 'B' -> new PgOutputMessage.Begin(buffer.getLong(), timestamp(buffer.getLong()), buffer.getInt());
        case 'C' -> {
          buffer.get(); // flags, unused
          yield new PgOutputMessage.Commit(buffer.getLong(), buffer.getLong(), timestamp(buffer.getLong()));
        }
        case 'R' -> relation(buffer);
        case 'I' -> {
          int relation = buffer.getInt();
          expect(buffer, 'N');
          yield new PgOutputMessage.Insert(relation, tuple(buffer));
        }
        case 'U' -> update(buffer);
        case 'D' -> {
          int relation = buffer.getInt();
          char which = (char) buffer.get();
          if (which != 'K' && which != 'O') {
            throw malformed("a Delete with tuple kind '" + which + "'");
          }
          yield new PgOutputMessage.Delete(relation, tuple(buffer));
        }
        case 'T' -> truncate(buffer);
        default -> new PgOutputMessage.Ignored(kind);
      };
    } catch (java.nio.BufferUnderflowException e) {
      throw malformed("a message shorter than its fields");
    }
  }

  private static PgOutputMessage.Relation relation(ByteBuffer buffer) {
    int oid = buffer.getInt();
    String namespace = string(buffer);
    String name = string(buffer);
    char identity = (char) buffer.get();
    int count = buffer.getShort();
    List<Column> columns = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean key = (buffer.get() & 1) != 0;
      columns.add(new Column(key, string(buffer), buffer.getInt(), buffer.getInt()));
    }
    return new PgOutputMessage.Relation(oid, namespace.isEmpty() ? "pg_catalog" : namespace, name, identity, columns);
  }

  private static PgOutputMessage.Update update(ByteBuffer buffer) {
    int relation = buffer.getInt();
    char which = (char) buffer.get();
    Tuple old = null;
    if (which == 'K' || which == 'O') {
      old = tuple(buffer);
      which = (char) buffer.get();
    }
    if (which != 'N') {
      throw malformed("an Update without its new tuple");
    }
    return new PgOutputMessage.Update(relation, old, tuple(buffer));
  }

  private static PgOutputMessage.Truncate truncate(ByteBuffer buffer) {
    int count = buffer.getInt();
    int options = buffer.get();
    List<Integer> relations = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      relations.add(buffer.getInt());
    }
    return new PgOutputMessage.Truncate(relations, (options & 1) != 0, (options & 2) != 0);
  }

  private static Tuple tuple(ByteBuffer buffer) {
    int count = buffer.getShort();
    List<Value> values = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      char kind = (char) buffer.get();
      switch (kind) {
        case 'n' -> values.add(Value.NULL);
        case 'u' -> values.add(Value.UNCHANGED);
        case 't' -> {
          byte[] bytes = new byte[buffer.getInt()];
          buffer.get(bytes);
          values.add(Value.text(new String(bytes, StandardCharsets.UTF_8)));
        }
        default -> throw malformed("a tuple value of kind '" + kind + "' (only text format is asked for)");
      }
    }
    return new Tuple(values);
  }

  private static String string(ByteBuffer buffer) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (byte b = buffer.get(); b != 0; b = buffer.get()) {
      bytes.write(b);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static void expect(ByteBuffer buffer, char expected) {
    char actual = (char) buffer.get();
    if (actual != expected) {
      throw malformed("tuple kind '" + actual + "' where '" + expected + "' belongs");
    }
  }

  private static Instant timestamp(long pgMicros) {
    long micros = pgMicros + PG_EPOCH_MICROS;
    return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
  }

  private static PlatformException malformed(String what) {
    return new PlatformException(SqlState.PROTOCOL_VIOLATION, "pgoutput stream: " + what);
  }
}
