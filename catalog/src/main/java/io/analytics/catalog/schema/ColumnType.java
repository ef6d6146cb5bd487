package io.analytics.catalog.schema;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The column types a schema may declare: DuckDB's names for the types the lake stores. */
public final class ColumnType {
  private static final Pattern DECIMAL = Pattern.compile("(?:DECIMAL|NUMERIC)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");
  private static final Pattern SIMPLE =
      Pattern.compile(
          "BOOLEAN|TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|REAL|FLOAT|DOUBLE"
              + "|VARCHAR|DATE|TIME|TIMESTAMP|TIMESTAMPTZ|TIMESTAMP WITH TIME ZONE|INTERVAL|UUID|BLOB|JSON");

  private ColumnType() {}

  /** The canonical spelling of {@code type}, or a SchemaException naming {@code key}. */
  public static String normalize(String key, String type) {
    if (type == null || type.isBlank()) {
      throw new SchemaException("schema key \"" + key + "\" is missing");
    }
    String upper = type.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    Matcher decimal = DECIMAL.matcher(upper);
    if (decimal.matches()) {
      int precision = Integer.parseInt(decimal.group(1));
      int scale = Integer.parseInt(decimal.group(2));
      if (precision < 1 || precision > 38 || scale > precision) {
        throw new SchemaException(
            "schema key \"" + key + "\": DECIMAL precision must be 1..38 and scale at most the precision, got " + type);
      }
      return "DECIMAL(" + precision + "," + scale + ")";
    }
    switch (upper) {
      case "INT", "INT4" -> upper = "INTEGER";
      case "INT8", "LONG" -> upper = "BIGINT";
      case "TEXT", "STRING" -> upper = "VARCHAR";
      case "BOOL" -> upper = "BOOLEAN";
      case "FLOAT8", "DOUBLE PRECISION" -> upper = "DOUBLE";
      case "FLOAT4" -> upper = "REAL";
      case "TIMESTAMP WITH TIME ZONE" -> upper = "TIMESTAMPTZ";
      default -> {}
    }
    if (!SIMPLE.matcher(upper).matches()) {
      throw new SchemaException(
          "schema key \""
              + key
              + "\" has an unknown type \""
              + type
              + "\"; use BOOLEAN, INTEGER, BIGINT, DOUBLE, DECIMAL(p,s), VARCHAR, DATE, TIMESTAMP, TIMESTAMPTZ, ...");
    }
    return upper;
  }
}
