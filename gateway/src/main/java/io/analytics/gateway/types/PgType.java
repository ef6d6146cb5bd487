package io.analytics.gateway.types;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.PgTypeDefinition;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.FieldVector;

/**
 * One PostgreSQL type: its pg_type facts (OID, name, length, array type, category) and how values
 * of it travel on the wire: written from DuckDB's Arrow vectors in text and binary, and read from
 * Bind parameters into Java values DuckDB accepts. The same object serves the encoder, the
 * parameter decoder and the pg_type catalog, so they never disagree.
 */
public abstract class PgType {
  private final int oid;
  private final String name;
  private final short typlen;
  private final int arrayOid;
  private final char category;
  private final String sqlName;

  /** A scalar type, with its facts from the registry ({@link io.analytics.engine.pgtypes.PgTypeRegistry}). */
  protected PgType(PgTypeDefinition definition) {
    this(definition.oid(), definition.name(), definition.typlen(), definition.arrayOid(), definition.category(),
        definition.sqlName());
  }

  /** An array type, whose facts follow from its element's. */
  PgType(int oid, String name, int typlen, int arrayOid, char category, String sqlName) {
    this.oid = oid;
    this.name = requireNonNull(name, "name is null");
    this.typlen = (short) typlen;
    this.arrayOid = arrayOid;
    this.category = category;
    this.sqlName = requireNonNull(sqlName, "sqlName is null");
  }

  public final int oid() {
    return oid;
  }

  /** The pg_type.typname, e.g. {@code int4}, {@code _text}. */
  public final String name() {
    return name;
  }

  /** pg_type.typlen: the fixed size in bytes, or -1 for variable-length types. */
  public final short typlen() {
    return typlen;
  }

  /** The OID of the array type whose elements are of this type, or 0. */
  public final int arrayOid() {
    return arrayOid;
  }

  /** For array types the element type's OID, else 0. */
  public int elementOid() {
    return 0;
  }

  /** pg_type.typcategory: N numeric, S string, D date/time, B boolean, A array, U user, ... */
  public final char category() {
    return category;
  }

  public final boolean byValue() {
    return typlen > 0 && typlen <= 8;
  }

  /** The name format_type prints, e.g. {@code numeric(18,4)} or {@code timestamp with time zone}. */
  public String formatType(int typmod) {
    return sqlName;
  }

  /** A writer for one column of one batch, reading straight from its Arrow vector. */
  public abstract ColumnWriter writer(FieldVector vector, EncodingContext context);

  /** Whether values can be sent in binary format; otherwise the gateway sends text. */
  public boolean binaryOutput() {
    return true;
  }

  /** A Bind parameter in text format, as a value DuckDB's setObject accepts. */
  public Object decodeText(String text) {
    return text;
  }

  /** A Bind parameter in binary format, as a value DuckDB's setObject accepts. */
  public abstract Object decodeBinary(ByteBuffer value);

  protected static VectorMismatchException unsupportedVector(PgType type, FieldVector vector) {
    return new VectorMismatchException(
        "cannot send an Arrow " + vector.getField().getType() + " column as " + type.name());
  }

  protected static PlatformException badBinary(PgType type) {
    return new PlatformException(
        SqlState.INVALID_BINARY_REPRESENTATION, "incorrect binary data format for type " + type.name());
  }

  @Override
  public String toString() {
    return name + "(" + oid + ")";
  }
}
