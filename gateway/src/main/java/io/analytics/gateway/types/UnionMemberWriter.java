package io.analytics.gateway.types;

import org.apache.arrow.vector.FieldVector;

/**
 * A writer over DuckDB's one-member union that tags a column with a PostgreSQL type (int2vector,
 * oidvector, void): a row is NULL when its member is, which the union's own validity does not say.
 */
abstract class UnionMemberWriter extends VectorWriter {
  UnionMemberWriter(FieldVector vector) {
    super(vector);
  }

  @Override
  public boolean isNull(int row) {
    return vector.isNull(row) || vector.getObject(row) == null;
  }
}
