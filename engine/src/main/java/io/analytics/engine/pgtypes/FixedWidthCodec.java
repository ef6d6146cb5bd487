package io.analytics.engine.pgtypes;

import java.io.IOException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * A codec of a type whose binary form has one length (int4's 4 bytes, interval's 16): the length is
 * checked on reading and written before the value here, so a subclass only converts the value.
 */
abstract class FixedWidthCodec extends NamedCodec {
  private final String pgName;
  private final int width;

  FixedWidthCodec(String pgName, String duckDbName, ArrowType arrowType, int width) {
    super(pgName, duckDbName, arrowType);
    this.pgName = pgName;
    this.width = width;
  }

  @Override
  public final void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
    PgCodecs.expectLength(pgName, length, width);
    readValue(in, vector, row);
  }

  @Override
  public final void write(FieldVector vector, int row, PgOutput out) {
    out.writeInt(width);
    writeValue(vector, row, out);
  }

  /** Reads the value's {@code width} bytes into {@code vector} at {@code row}. */
  abstract void readValue(PgInput in, FieldVector vector, int row) throws IOException;

  /** Writes the value at {@code row} of {@code vector}, without its length. */
  abstract void writeValue(FieldVector vector, int row, PgOutput out);
}
