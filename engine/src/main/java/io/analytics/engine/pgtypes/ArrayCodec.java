package io.analytics.engine.pgtypes;

import static io.analytics.engine.pgtypes.PgCodecs.setNull;
import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.ListVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/** Binary COPY codec of one-dimensional arrays of a supported element type; DuckDB LIST. */
final class ArrayCodec implements PgCodec {
  private final PgCodec element;
  private final int elementOid;

  ArrayCodec(PgCodec element, int elementOid) {
    this.element = requireNonNull(element, "element is null");
    this.elementOid = elementOid;
  }

  public String pgType(int typmod) {
    return element.pgType(typmod) + "[]";
  }

  public String duckDbType(int typmod) {
    return element.duckDbType(typmod) + "[]";
  }

  public Field field(String name, int typmod) {
    return new Field(name, FieldType.nullable(ArrowType.List.INSTANCE), List.of(element.field("element", typmod)));
  }

  public void read(PgInput in, int length, FieldVector vector, int row) throws IOException {
    ListVector list = (ListVector) vector;
    int dimensions = in.readInt();
    in.readInt(); // has-nulls flag: each element says so itself
    in.readInt(); // element OID
    if (dimensions > 1) {
      throw new IOException("multi-dimensional arrays are not supported (a value has " + dimensions + " dimensions)");
    }
    int count = 0;
    if (dimensions == 1) {
      count = in.readInt();
      in.readInt(); // lower bound
    }
    int start = list.startNewValue(row);
    FieldVector values = list.getDataVector();
    for (int i = 0; i < count; i++) {
      int elementLength = in.readInt();
      if (elementLength < 0) {
        setNull(values, start + i);
      } else {
        element.read(in, elementLength, values, start + i);
      }
    }
    list.endValue(row, count);
  }

  public void write(FieldVector vector, int row, PgOutput out) {
    ListVector list = (ListVector) vector;
    FieldVector values = list.getDataVector();
    int start = list.getElementStartIndex(row);
    int end = list.getElementEndIndex(row);
    int lengthAt = out.position();
    out.writeInt(0);
    int begin = out.position();
    boolean hasNulls = false;
    for (int i = start; i < end; i++) {
      hasNulls |= values.isNull(i);
    }
    out.writeInt(end > start ? 1 : 0);
    out.writeInt(hasNulls ? 1 : 0);
    out.writeInt(elementOid);
    if (end > start) {
      out.writeInt(end - start);
      out.writeInt(1);
    }
    for (int i = start; i < end; i++) {
      if (values.isNull(i)) {
        out.writeInt(-1);
      } else {
        element.write(values, i, out);
      }
    }
    out.patchInt(lengthAt, out.position() - begin);
  }
}
