package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import org.apache.arrow.vector.FieldVector;

/**
 * Writes list values as PostgreSQL arrays. Text: {@code {1,2,NULL}}, {@code {"b c",d}}, nested
 * {@code {{1,2},{3,4}}}, elements quoted as array_out does. Binary: dimensions, a has-nulls flag,
 * the element OID, each dimension's size and lower bound 1, then the elements length-prefixed; a
 * nested list must be rectangular, as PostgreSQL arrays are.
 */
final class ArrayWriter extends VectorWriter {
  private final ListRange range;
  private final ColumnWriter elements;
  private final boolean quotable;
  private final int elementOid;
  private final ByteBuf scratch = Unpooled.buffer(64);

  ArrayWriter(FieldVector vector, ListRange range, ColumnWriter elements, boolean quotable, int elementOid) {
    super(vector);
    this.range = range;
    this.elements = elements;
    this.quotable = quotable;
    this.elementOid = elementOid;
  }

  @Override
  public void writeText(int row, ByteBuf out) {
    out.writeByte('{');
    int end = range.end(row);
    for (int i = range.start(row); i < end; i++) {
      if (i > range.start(row)) {
        out.writeByte(',');
      }
      if (elements.isNull(i)) {
        out.writeCharSequence("NULL", StandardCharsets.US_ASCII);
      } else if (!quotable) {
        elements.writeText(i, out);
      } else {
        scratch.clear();
        elements.writeText(i, scratch);
        writeQuotedIfNeeded(scratch, out);
      }
    }
    out.writeByte('}');
  }

  private static void writeQuotedIfNeeded(ByteBuf value, ByteBuf out) {
    if (!needsQuotes(value)) {
      out.writeBytes(value, value.readerIndex(), value.readableBytes());
      return;
    }
    out.writeByte('"');
    for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
      byte b = value.getByte(i);
      if (b == '"' || b == '\\') {
        out.writeByte('\\');
      }
      out.writeByte(b);
    }
    out.writeByte('"');
  }

  private static boolean needsQuotes(ByteBuf value) {
    int length = value.readableBytes();
    if (length == 0) {
      return true;
    }
    if (length == 4 && value.toString(value.readerIndex(), 4, StandardCharsets.US_ASCII).equalsIgnoreCase("NULL")) {
      return true;
    }
    for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
      switch (value.getByte(i)) {
        case '"', '\\', '{', '}', ',', ' ', '\t', '\n', '\r', 0x0B, '\f' -> {
          return true;
        }
        default -> { }
      }
    }
    return false;
  }

  @Override
  public void writeBinary(int row, ByteBuf out) {
    int[] sizes = new int[6];
    int dimensions = dimensions(row, sizes, 0);
    if (sizes[0] == 0) {
      out.writeInt(0).writeInt(0).writeInt(elementOid);
      return;
    }
    out.writeInt(dimensions);
    int hasNullsIndex = out.writerIndex();
    out.writeInt(0);
    out.writeInt(elementOid);
    for (int d = 0; d < dimensions; d++) {
      out.writeInt(sizes[d]).writeInt(1);
    }
    if (writeLeaves(row, out, sizes, 0)) {
      out.setInt(hasNullsIndex, 1);
    }
  }

  /** Fills the sizes of this row's dimensions, following first elements; returns how many there are. */
  private int dimensions(int row, int[] sizes, int level) {
    if (level >= sizes.length) {
      throw tooDeep();
    }
    int count = range.end(row) - range.start(row);
    sizes[level] = count;
    if (count > 0 && elements instanceof ArrayWriter nested && !nested.isNull(range.start(row))) {
      return nested.dimensions(range.start(row), sizes, level + 1);
    }
    return level + 1;
  }

  /** Writes the innermost elements in order; returns whether any was NULL. */
  private boolean writeLeaves(int row, ByteBuf out, int[] sizes, int level) {
    int start = range.start(row);
    int end = range.end(row);
    if (end - start != sizes[level]) {
      throw notRectangular();
    }
    boolean hasNulls = false;
    for (int i = start; i < end; i++) {
      if (elements instanceof ArrayWriter nested) {
        if (nested.isNull(i)) {
          throw notRectangular();
        }
        hasNulls |= nested.writeLeaves(i, out, sizes, level + 1);
      } else if (elements.isNull(i)) {
        out.writeInt(-1);
        hasNulls = true;
      } else {
        int lengthIndex = out.writerIndex();
        out.writeInt(0);
        elements.writeBinary(i, out);
        out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
      }
    }
    return hasNulls;
  }

  private static PlatformException notRectangular() {
    return new PlatformException(
        SqlState.ARRAY_SUBSCRIPT_ERROR,
        "multidimensional arrays must have array expressions with matching dimensions");
  }

  private static PlatformException tooDeep() {
    return new PlatformException(SqlState.PROGRAM_LIMIT_EXCEEDED, "number of array dimensions exceeds the maximum allowed (6)");
  }
}
