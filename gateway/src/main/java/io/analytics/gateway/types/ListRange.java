package io.analytics.gateway.types;

import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.FixedSizeListVector;
import org.apache.arrow.vector.complex.LargeListVector;
import org.apache.arrow.vector.complex.ListVector;

/** Where each row's elements lie in the child vector of a LIST, LARGE LIST or fixed-size ARRAY column. */
interface ListRange {
  FieldVector elements();

  int start(int row);

  int end(int row);

  /** The range reader for the vector, or null when it is not a list vector. */
  static ListRange of(FieldVector vector) {
    if (vector instanceof ListVector list) {
      return new ListRange() {
        @Override
        public FieldVector elements() {
          return list.getDataVector();
        }

        @Override
        public int start(int row) {
          return list.getOffsetBuffer().getInt((long) row * ListVector.OFFSET_WIDTH);
        }

        @Override
        public int end(int row) {
          return list.getOffsetBuffer().getInt((long) (row + 1) * ListVector.OFFSET_WIDTH);
        }
      };
    }
    if (vector instanceof LargeListVector list) {
      return new ListRange() {
        @Override
        public FieldVector elements() {
          return list.getDataVector();
        }

        @Override
        public int start(int row) {
          return (int) list.getOffsetBuffer().getLong((long) row * LargeListVector.OFFSET_WIDTH);
        }

        @Override
        public int end(int row) {
          return (int) list.getOffsetBuffer().getLong((long) (row + 1) * LargeListVector.OFFSET_WIDTH);
        }
      };
    }
    if (vector instanceof FixedSizeListVector list) {
      int size = list.getListSize();
      return new ListRange() {
        @Override
        public FieldVector elements() {
          return list.getDataVector();
        }

        @Override
        public int start(int row) {
          return row * size;
        }

        @Override
        public int end(int row) {
          return (row + 1) * size;
        }
      };
    }
    return null;
  }
}
