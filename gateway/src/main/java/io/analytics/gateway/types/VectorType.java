package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;

/**
 * int2vector and oidvector, the types of pg_index.indkey/indclass/indoption and
 * pg_proc.proargtypes: the catalog keeps them as lists, and a select list that reads one whole is
 * given DuckDB's union {@code UNION(int2vector VARCHAR)} (or oidvector) holding the vector's text,
 * its elements separated by spaces, so that clients that convert by type (psqlODBC's SQLStatistics
 * binds indkey as a vector of shorts) get PostgreSQL's type. Sent as text only.
 */
final class VectorType extends PgType {
  private VectorType(PgTypeDefinition definition) {
    super(definition);
  }

  static VectorType int2vector() {
    return new VectorType(PgTypeRegistry.INT2VECTOR);
  }

  static VectorType oidvector() {
    return new VectorType(PgTypeRegistry.OIDVECTOR);
  }

  /** The DuckDB type a select list gives this type's text: a union whose one member names it. */
  String duckDbUnion() {
    return "UNION(" + name().toUpperCase(java.util.Locale.ROOT) + " VARCHAR)";
  }

  @Override
  public boolean binaryOutput() {
    return false;
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    return new UnionMemberWriter(vector) {
      @Override
      public void writeText(int row, ByteBuf out) {
        out.writeCharSequence(String.valueOf(vector.getObject(row)), StandardCharsets.UTF_8);
      }
    };
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    throw badBinary(this);
  }
}
