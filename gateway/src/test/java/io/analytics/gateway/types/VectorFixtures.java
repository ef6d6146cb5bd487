package io.analytics.gateway.types;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.complex.impl.UnionListWriter;
import org.apache.arrow.vector.complex.writer.BaseWriter;
import org.apache.arrow.vector.dictionary.DictionaryProvider;

/** Small Arrow vectors built by hand, rendered through the type registry's writers. */
final class VectorFixtures {
  private static final BufferAllocator ALLOCATOR = new RootAllocator();
  static final EncodingContext CONTEXT =
      new EncodingContext(new DictionaryProvider.MapDictionaryProvider(), new SessionFormat(ZoneId.of("UTC"), 1));

  private VectorFixtures() {}

  static String text(PgType type, FieldVector vector, int row) {
    ByteBuf out = Unpooled.buffer();
    type.writer(vector, CONTEXT).writeText(row, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  static byte[] binary(PgType type, FieldVector vector, int row) {
    ByteBuf out = Unpooled.buffer();
    type.writer(vector, CONTEXT).writeBinary(row, out);
    byte[] bytes = new byte[out.readableBytes()];
    out.readBytes(bytes);
    return bytes;
  }

  static String decimalText(BigDecimal value, int precision) {
    try (DecimalVector vector = new DecimalVector("d", ALLOCATOR, precision, value.scale())) {
      vector.allocateNew(1);
      vector.setSafe(0, value);
      vector.setValueCount(1);
      return text(PgTypes.NUMERIC, vector, 0);
    }
  }

  static byte[] decimalBinary(BigDecimal value, int precision) {
    try (DecimalVector vector = new DecimalVector("d", ALLOCATOR, precision, value.scale())) {
      vector.allocateNew(1);
      vector.setSafe(0, value);
      vector.setValueCount(1);
      return binary(PgTypes.NUMERIC, vector, 0);
    }
  }

  static String textArray(String... values) {
    try (ListVector list = ListVector.empty("l", ALLOCATOR)) {
      UnionListWriter writer = list.getWriter();
      writer.setPosition(0);
      writer.startList();
      for (String value : values) {
        if (value == null) {
          writer.writeNull();
        } else {
          byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
          try (org.apache.arrow.memory.ArrowBuf buf = ALLOCATOR.buffer(bytes.length)) {
            buf.setBytes(0, bytes);
            writer.varChar().writeVarChar(0, bytes.length, buf);
          }
        }
      }
      writer.endList();
      list.setValueCount(1);
      return text(ArrayType.of(PgTypes.TEXT), list, 0);
    }
  }

  static ListVector nestedInts(int[][] rows) {
    ListVector list = ListVector.empty("l", ALLOCATOR);
    UnionListWriter writer = list.getWriter();
    writer.setPosition(0);
    writer.startList();
    for (int[] row : rows) {
      BaseWriter.ListWriter inner = writer.list();
      inner.startList();
      for (int value : row) {
        inner.integer().writeInt(value);
      }
      inner.endList();
    }
    writer.endList();
    list.setValueCount(1);
    return list;
  }

  static String nestedIntArray(int[][] rows) {
    try (ListVector list = nestedInts(rows)) {
      return text(ArrayType.of(ArrayType.of(PgTypes.INT4)), list, 0);
    }
  }

  static IntVector ints(Integer... values) {
    IntVector vector = new IntVector("i", ALLOCATOR);
    vector.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      if (values[i] == null) {
        vector.setNull(i);
      } else {
        vector.set(i, values[i]);
      }
    }
    vector.setValueCount(values.length);
    return vector;
  }

  static VarCharVector strings(String... values) {
    VarCharVector vector = new VarCharVector("s", ALLOCATOR);
    vector.allocateNew(values.length);
    for (int i = 0; i < values.length; i++) {
      vector.setSafe(i, values[i].getBytes(StandardCharsets.UTF_8));
    }
    vector.setValueCount(values.length);
    return vector;
  }
}
