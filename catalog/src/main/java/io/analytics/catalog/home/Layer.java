package io.analytics.catalog.home;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.Locale;

/** The three layers of the lake; each is a folder under data/ and a schema in SQL. */
public enum Layer {
  /** Raw data as it arrived, validated against its schema. */
  BRONZE,
  /** Curated, cleaned and conformed data. */
  SILVER,
  /** Aggregates ready for apps and dashboards. */
  GOLD;

  /** The folder name under data/ and the SQL schema name. */
  public String schemaName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Layer fromName(String name) {
    for (Layer layer : values()) {
      if (layer.schemaName().equalsIgnoreCase(name)) {
        return layer;
      }
    }
    throw new PlatformException(
        SqlState.INVALID_PARAMETER_VALUE,
        "unknown layer \"" + name + "\": expected bronze, silver or gold");
  }
}
