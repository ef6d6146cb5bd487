package io.analytics.engine.pgtypes;

import static java.util.Objects.requireNonNull;

/**
 * A column of a binary COPY stream: its name, the PostgreSQL type its values travel as, and that
 * type's modifier (precision and scale of numeric, -1 when none).
 */
public record CopyColumn(String name, PgCodec codec, int typmod) {
  public CopyColumn {
    requireNonNull(name, "name is null");
    requireNonNull(codec, "codec is null");
  }

  /** PostgreSQL's name for the type, as used when creating a table ({@code numeric(18,4)}). */
  public String pgType() {
    return codec.pgType(typmod);
  }

  /** The DuckDB type the values are carried as. */
  public String duckDbType() {
    return codec.duckDbType(typmod);
  }
}
