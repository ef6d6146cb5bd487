package io.analytics.engine.pgtypes;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;

/**
 * The binary COPY codecs of the registry's types ({@link PgTypeRegistry}), by OID, as the mirror
 * reader, the exporter and the client's binary COPY use them. Numeric without a precision is mirrored as
 * DECIMAL(38,10); numeric with a precision over 38, and every type not listed here, is read through
 * its text form as VARCHAR and reported.
 */
public final class PgCodecs {
  /** Microseconds between 1970-01-01 (Arrow, DuckDB) and 2000-01-01 (PostgreSQL). */
  public static final long EPOCH_MICROS = 946_684_800_000_000L;
  public static final int EPOCH_DAYS = 10_957;
  public static final int UNCONSTRAINED_PRECISION = 38;
  public static final int UNCONSTRAINED_SCALE = 10;

  private static final Map<Integer, PgCodec> BY_OID = index();

  private PgCodecs() {}

  /** The registry's codecs by OID, each array type's codec by its own OID. */
  private static Map<Integer, PgCodec> index() {
    Map<Integer, PgCodec> byOid = new HashMap<>();
    for (PgTypeDefinition type : PgTypeRegistry.all()) {
      type.codec().ifPresent(codec -> {
        byOid.put(type.oid(), codec);
        byOid.put(type.arrayOid(), new ArrayCodec(codec, type.oid()));
      });
    }
    return Map.copyOf(byOid);
  }

  /** The codec for a type OID, if it is one the platform handles natively. */
  public static Optional<PgCodec> forOid(int oid, int typmod) {
    PgCodec codec = BY_OID.get(oid);
    if (codec instanceof NumberCodecs.Numeric && typmod >= 4 && precision(typmod) > UNCONSTRAINED_PRECISION) {
      return Optional.empty();
    }
    return Optional.ofNullable(codec);
  }

  /** The codec used for values read through their text form. */
  public static PgCodec text() {
    return BY_OID.get(25);
  }

  /** The codec for a PostgreSQL type OID as written by the exporter, or empty. */
  public static Optional<PgCodec> exact(int oid) {
    return Optional.ofNullable(BY_OID.get(oid));
  }

  /** The array codec for an element type OID. */
  public static Optional<PgCodec> arrayOf(int elementOid) {
    return PgTypeRegistry.byOid(elementOid).map(type -> BY_OID.get(type.arrayOid()));
  }

  /** A numeric typmod's precision; numeric without one is mirrored with {@link #UNCONSTRAINED_PRECISION}. */
  public static int precision(int typmod) {
    return PgTypeRegistry.numericPrecision(typmod, UNCONSTRAINED_PRECISION);
  }

  /** A numeric typmod's scale; numeric without one is mirrored with {@link #UNCONSTRAINED_SCALE}. */
  public static int scale(int typmod) {
    return PgTypeRegistry.numericScale(typmod, UNCONSTRAINED_SCALE);
  }

  /** Marks a value null, for vectors of any width. */
  public static void setNull(FieldVector vector, int row) {
    if (vector instanceof BaseFixedWidthVector fixed) {
      fixed.setNull(row);
    } else if (vector instanceof BaseVariableWidthVector variable) {
      variable.setNull(row);
    } else if (vector instanceof ListVector list) {
      list.setNull(row);
    } else {
      throw new IllegalStateException("cannot set null in " + vector.getClass().getSimpleName());
    }
  }

  static void expectLength(String type, int length, int expected) throws IOException {
    if (length != expected) {
      throw new IOException("a " + type + " value of " + length + " bytes (expected " + expected + ")");
    }
  }

  /** UTF-8 bytes of a string-like Arrow value (DuckDB exports VARCHAR, JSON and UUID as Utf8). */
  public static byte[] textBytes(FieldVector vector, int row) {
    if (vector instanceof VarCharVector varchar) {
      return varchar.get(row);
    }
    Object value = vector.getObject(row);
    return String.valueOf(value).getBytes(StandardCharsets.UTF_8);
  }
}
