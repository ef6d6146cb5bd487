package io.analytics.gateway.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The session's TEMP macros behind {@link DatePartResults} for the fields of a date or timestamp that
 * grow without bound, answering double precision as PostgreSQL's {@code date_part} does: an infinite
 * value gives {@code ±Infinity} (DuckDB answers NULL), and years before 1 AD are counted as PostgreSQL
 * counts them (DuckDB's year 0 is 1 BC, PostgreSQL's year -1; decades, centuries and millennia are
 * {@link PgExtractMacros}' formulas). Intervals and other types keep DuckDB's date_part.
 */
public final class PgDatePartMacros {
  /** The macro of each field, by PostgreSQL's canonical field names. */
  static final Map<String, String> MACROS = Map.of(
      "year", "pg_gateway_date_part_year", "decade", "pg_gateway_date_part_decade", "century", "pg_gateway_date_part_century",
      "millennium", "pg_gateway_date_part_millennium", "isoyear", "pg_gateway_date_part_isoyear",
      "julian", "pg_gateway_date_part_julian", "epoch", "pg_gateway_date_part_epoch");
  /** PostgreSQL's other spellings of those fields (datetime.c's deltatktbl), to their canonical names. */
  static final Map<String, String> SPELLINGS = Map.ofEntries(
      Map.entry("y", "year"), Map.entry("yr", "year"), Map.entry("yrs", "year"), Map.entry("years", "year"),
      Map.entry("dec", "decade"), Map.entry("decs", "decade"), Map.entry("decades", "decade"),
      Map.entry("c", "century"), Map.entry("cent", "century"), Map.entry("centuries", "century"),
      Map.entry("mil", "millennium"), Map.entry("mils", "millennium"), Map.entry("millennia", "millennium"),
      Map.entry("j", "julian"), Map.entry("jd", "julian"));
  private static final String INFINITE = "CASE WHEN x > CAST('epoch' AS %s) THEN CAST('Infinity' AS DOUBLE) "
      + "ELSE CAST('-Infinity' AS DOUBLE) END";

  private PgDatePartMacros() {}

  /** The field's canonical name if it is one of the unbounded fields, else null. */
  static String unboundedField(String field) {
    String canonical = SPELLINGS.getOrDefault(field, field);
    return MACROS.containsKey(canonical) ? canonical : null;
  }

  public static List<String> statements() {
    List<String> statements = new ArrayList<>();
    MACROS.forEach((field, macro) -> {
      StringBuilder sql = new StringBuilder("CREATE OR REPLACE TEMP MACRO ").append(macro);
      String separator = "";
      for (String type : List.of("DATE", "TIMESTAMP", "TIMESTAMPTZ")) {
        sql.append(separator).append("(x ").append(type).append(") AS CASE WHEN NOT isfinite(x) THEN ")
            .append(INFINITE.formatted(type)).append(" ELSE ").append(finite(field, type)).append(" END");
        separator = ", ";
      }
      sql.append(", (x) AS CAST(date_part('").append(field).append("', x) AS DOUBLE)");
      statements.add(sql.toString());
    });
    return List.copyOf(statements);
  }

  private static String finite(String field, String type) {
    return switch (field) {
      case "epoch" -> "CAST(epoch_us(x) AS DOUBLE) / 1000000";
      // PostgreSQL's julian of a timestamp carries the time of day as a fraction (date_part('julian', x)
      // of a date is its timestamp's at midnight); DuckDB's julian is the day alone.
      case "julian" -> type.equals("DATE") ? "CAST(julian(x) AS DOUBLE)"
          : "CAST(julian(CAST(x AS DATE)) AS DOUBLE) + CAST(" + PgExtractMacros.TIME_MICROS + " AS DOUBLE) / 86400000000";
      default -> "CAST(" + PgExtractMacros.fromYear(field, type.equals("TIMESTAMPTZ") ? "CAST(x AS TIMESTAMP)" : "x") + " AS DOUBLE)";
    };
  }
}
