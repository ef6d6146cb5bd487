package io.analytics.gateway.types;

import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.UInt2Vector;
import org.apache.arrow.vector.UInt4Vector;

/** Reads a row of any integer vector that fits a signed long as a long. */
@FunctionalInterface
interface LongReader {
  long read(int row);

  /** A reader for the vector, or null when it is not an integer vector that fits a long. */
  static LongReader of(FieldVector vector) {
    if (vector instanceof BigIntVector v) {
      return v::get;
    } else if (vector instanceof IntVector v) {
      return v::get;
    } else if (vector instanceof SmallIntVector v) {
      return v::get;
    } else if (vector instanceof TinyIntVector v) {
      return v::get;
    } else if (vector instanceof UInt1Vector v) {
      return row -> UInt1Vector.getNoOverflow(v.getDataBuffer(), row);
    } else if (vector instanceof UInt2Vector v) {
      return row -> v.get(row);
    } else if (vector instanceof UInt4Vector v) {
      return row -> UInt4Vector.getNoOverflow(v.getDataBuffer(), row);
    }
    return null;
  }
}
