package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

/**
 * A column of an export: its name, the PostgreSQL type it is written as, and the DuckDB type the
 * query's value is cast to first, so that the Arrow vector and the binary COPY form always agree.
 */
record ExportColumn(String name, PgCodec codec, int typmod) {
  ExportColumn {
    requireNonNull(name, "name is null");
    requireNonNull(codec, "codec is null");
  }

  String pgType() {
    return codec.pgType(typmod);
  }

  String duckDbType() {
    return codec.duckDbType(typmod);
  }
}
