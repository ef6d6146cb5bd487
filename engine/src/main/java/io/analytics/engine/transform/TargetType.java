package io.analytics.engine.transform;

/** Where a transformation's result goes. */
public enum TargetType {
  /** A table in the warehouse, in the schema {@code derived} (through the gateway when one runs). */
  DUCKDB,
  /** A Parquet dataset of a layer, replaced atomically. */
  PARQUET
}
