package io.analytics.engine.pgtypes;

import static java.util.Objects.requireNonNull;

import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/** A codec whose PostgreSQL name, DuckDB name and Arrow type are the same for every typmod. */
abstract class NamedCodec implements PgCodec {
  private final String pgName;
  private final String duckDbName;
  private final ArrowType arrowType;

  NamedCodec(String pgName, String duckDbName, ArrowType arrowType) {
    this.pgName = requireNonNull(pgName, "pgName is null");
    this.duckDbName = requireNonNull(duckDbName, "duckDbName is null");
    this.arrowType = requireNonNull(arrowType, "arrowType is null");
  }

  @Override
  public final String pgType(int typmod) {
    return pgName;
  }

  @Override
  public final String duckDbType(int typmod) {
    return duckDbName;
  }

  @Override
  public final Field field(String name, int typmod) {
    return PgCodec.scalarField(name, arrowType);
  }
}
