package io.analytics.engine.pgtypes;

import java.io.IOException;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * One PostgreSQL type as the Postgres reader and writer see it: its name, the DuckDB type a mirror
 * column gets, the Arrow vector that carries it, and its binary COPY form in both directions.
 */
public interface PgCodec {
  /** The PostgreSQL type name used when creating a table ({@code numeric(18,4)}, {@code int4[]}). */
  String pgType(int typmod);

  /** The DuckDB type of a mirror column, and of the cast applied before exporting into this type. */
  String duckDbType(int typmod);

  /** The Arrow field that carries values of this type. */
  Field field(String name, int typmod);

  /** Reads one non-null value of {@code length} bytes into {@code vector} at {@code row}. */
  void read(PgInput in, int length, FieldVector vector, int row) throws IOException;

  /** Writes the non-null value at {@code row} of {@code vector}, with its length prefix. */
  void write(FieldVector vector, int row, PgOutput out);

  static Field scalarField(String name, org.apache.arrow.vector.types.pojo.ArrowType type) {
    return new Field(name, FieldType.nullable(type), List.of());
  }
}
