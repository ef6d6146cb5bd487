package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.FieldVector;

/**
 * An array of some element type, for DuckDB LIST and ARRAY columns. Nested lists become
 * PostgreSQL's multi-dimensional arrays, which share the element's array type ({@code int4[]}).
 * Parameters in PostgreSQL's array syntax are turned into DuckDB list literals.
 */
final class ArrayType extends PgType {
  private final PgType element;

  private ArrayType(PgType element, int oid) {
    super(oid, "_" + element.name(), -1, 0, 'A', element.formatType(-1) + "[]");
    this.element = element;
  }

  /** The array type of a scalar element type, as pg_type lists it. */
  static ArrayType of(PgType element) {
    if (element instanceof ArrayType nested) {
      return new ArrayType(nested, nested.oid());
    }
    if (element.arrayOid() == 0) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "arrays of " + element.name() + " are not supported");
    }
    return new ArrayType(element, element.arrayOid());
  }

  PgType element() {
    return element;
  }

  /** The innermost element type (int4 for int4[][]). */
  PgType baseElement() {
    return element instanceof ArrayType nested ? nested.baseElement() : element;
  }

  @Override
  public int elementOid() {
    return baseElement().oid();
  }

  @Override
  public String formatType(int typmod) {
    return baseElement().formatType(typmod) + "[]";
  }

  @Override
  public boolean binaryOutput() {
    return baseElement().binaryOutput();
  }

  @Override
  public ColumnWriter writer(FieldVector vector, EncodingContext context) {
    ListRange range = ListRange.of(vector);
    if (range == null) {
      throw unsupportedVector(this, vector);
    }
    ColumnWriter elements = element.writer(range.elements(), context);
    boolean quotable = !(element instanceof ArrayType) && baseElement().category() != 'N' && baseElement().category() != 'B';
    return new ArrayWriter(vector, range, elements, quotable, baseElement().oid());
  }

  @Override
  public Object decodeText(String text) {
    return new ArrayLiteral(text, baseElement()).toDuckDbLiteral();
  }

  @Override
  public Object decodeBinary(ByteBuffer value) {
    if (value.remaining() < 12) {
      throw badBinary(this);
    }
    int dimensions = value.getInt();
    value.getInt(); // has-nulls flag
    int elementOid = value.getInt();
    if (dimensions < 0 || dimensions > 6 || elementOid != baseElement().oid()) {
      throw badBinary(this);
    }
    int[] sizes = new int[dimensions];
    for (int i = 0; i < dimensions; i++) {
      sizes[i] = value.getInt();
      value.getInt(); // lower bound
    }
    StringBuilder literal = new StringBuilder();
    if (dimensions == 0) {
      return "[]";
    }
    appendBinaryLevel(value, sizes, 0, literal);
    return literal.toString();
  }

  private void appendBinaryLevel(ByteBuffer value, int[] sizes, int level, StringBuilder literal) {
    literal.append('[');
    for (int i = 0; i < sizes[level]; i++) {
      if (i > 0) {
        literal.append(", ");
      }
      if (level + 1 < sizes.length) {
        appendBinaryLevel(value, sizes, level + 1, literal);
        continue;
      }
      int length = value.getInt();
      if (length < 0) {
        literal.append("NULL");
        continue;
      }
      ByteBuffer item = value.slice();
      item.limit(length);
      value.position(value.position() + length);
      Object decoded = baseElement().decodeBinary(item);
      ArrayLiteral.appendElement(literal, decoded instanceof byte[] bytes ? "\\x" + java.util.HexFormat.of().formatHex(bytes) : decoded.toString(), baseElement());
    }
    literal.append(']');
  }

  /** All the array types of the given element types, for pg_type. */
  static List<ArrayType> arraysOf(List<PgType> elements) {
    List<ArrayType> arrays = new ArrayList<>();
    for (PgType type : elements) {
      if (type.arrayOid() != 0) {
        arrays.add(of(type));
      }
    }
    return arrays;
  }
}
