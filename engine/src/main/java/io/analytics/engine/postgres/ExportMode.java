package io.analytics.engine.postgres;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.Locale;

/** How an export into a PostgreSQL table treats what the table holds. */
public enum ExportMode {
  /** Add the rows. */
  APPEND,
  /** Replace the table's rows atomically: load a staging table, then swap it in, in one transaction. */
  REPLACE,
  /** Insert new rows and update existing ones, matched on key columns (INSERT ... ON CONFLICT). */
  UPSERT;

  public static ExportMode fromName(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE,
          "export mode must be append, replace or upsert, got \"" + name + "\"");
    }
  }
}
