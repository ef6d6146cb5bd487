package io.analytics.engine.postgres;

import io.analytics.engine.pgtypes.CopyColumn;
import io.analytics.engine.pgtypes.PgCodec;
import io.analytics.engine.pgtypes.PgCodecs;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The PostgreSQL type a DuckDB column becomes when an export creates the target table. */
final class DuckDbToPgTypes {
  private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\((\\d+),\\s*(\\d+)\\)");
  private static final Map<String, Integer> OIDS = Map.ofEntries(
      Map.entry("BOOLEAN", 16),
      Map.entry("TINYINT", 21),
      Map.entry("UTINYINT", 21),
      Map.entry("SMALLINT", 21),
      Map.entry("USMALLINT", 23),
      Map.entry("INTEGER", 23),
      Map.entry("UINTEGER", 20),
      Map.entry("BIGINT", 20),
      Map.entry("FLOAT", 700),
      Map.entry("DOUBLE", 701),
      Map.entry("VARCHAR", 25),
      Map.entry("JSON", 3802),
      Map.entry("UUID", 2950),
      Map.entry("BLOB", 17),
      Map.entry("DATE", 1082),
      Map.entry("TIME", 1083),
      Map.entry("TIMESTAMP", 1114),
      Map.entry("TIMESTAMP_S", 1114),
      Map.entry("TIMESTAMP_MS", 1114),
      Map.entry("TIMESTAMP_NS", 1114),
      Map.entry("TIMESTAMP WITH TIME ZONE", 1184),
      Map.entry("INTERVAL", 1186));

  private DuckDbToPgTypes() {}

  static CopyColumn column(String name, String duckDbType) {
    String type = duckDbType.trim().toUpperCase(Locale.ROOT);
    boolean array = type.endsWith("[]");
    String element = array ? type.substring(0, type.length() - 2) : type;
    int typmod = -1;
    Integer oid = OIDS.get(element);
    Matcher decimal = DECIMAL.matcher(element);
    if (decimal.matches()) {
      oid = 1700;
      typmod = PgCodecs.numericTypmod(Integer.parseInt(decimal.group(1)), Integer.parseInt(decimal.group(2)));
    } else if (element.equals("HUGEINT") || element.equals("UBIGINT") || element.equals("UHUGEINT")) {
      oid = 1700;
      typmod = PgCodecs.numericTypmod(38, 0);
    }
    if (oid == null || element.endsWith("[]")) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
          "column \"" + name + "\" has DuckDB type " + duckDbType + ", which has no PostgreSQL equivalent here;"
              + " cast it in the query (to VARCHAR or JSON, say)");
    }
    PgCodec scalar = PgCodecs.exact(oid).orElseThrow();
    PgCodec codec = array ? PgCodecs.arrayOf(oid).orElseThrow() : scalar;
    return new CopyColumn(name, codec, typmod);
  }
}
