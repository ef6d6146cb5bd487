package io.analytics.gateway.types;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import org.apache.arrow.vector.FieldVector;

/**
 * void, what PostgreSQL's functions that return nothing answer (pg_notify): a select list calling
 * one gets DuckDB's union {@code UNION(void VARCHAR)}, so that RowDescription says void (2278) as
 * PostgreSQL's does. Every value is empty, in text and in binary (void_send writes no byte).
 */
final class VoidType extends PgType {
  /** The DuckDB type of such a column, as its JDBC metadata spells it, upper-cased. */
  static final String DUCKDB_UNION = "UNION(VOID VARCHAR)";

  VoidType() {
    super(PgTypeRegistry.VOID);
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    return new UnionMemberWriter(vector) {
      @Override
      public void writeText(int row, ByteBuf out) {
        // void's text is empty
      }

      @Override
      public void writeBinary(int row, ByteBuf out) {
        // so is its binary form
      }
    };
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    throw badBinary(this);
  }
}
