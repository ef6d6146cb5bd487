package io.analytics.gateway.session;

import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.dialect.UnconstrainedNumericValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Refuses text or CSV COPY FROM data holding a value of more than 10 decimals for a column declared
 * {@code numeric} without precision, before DuckDB loads it: DuckDB's COPY casts to the column's
 * DECIMAL(38,10) and rounded such a value silently, where PostgreSQL keeps every digit. The spooled
 * file is read once more by DuckDB with every column as text, with the options of the load itself;
 * tables without such a column pay nothing.
 */
final class UnconstrainedNumericCopyCheck {
  /** Ten decimals, then more digits ending in a non-zero one (trailing zeros are no loss). */
  private static final String MORE_DECIMALS = "'\\.[0-9]{10}[0-9]*[1-9]'";

  private UnconstrainedNumericCopyCheck() {}

  /** Throws 22003 when a value for an unconstrained numeric column would be rounded by the load. */
  static void check(EngineSession engine, Path spool, CopyFormat format, List<ResultColumn> targets) {
    List<Integer> unconstrained = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      if (UnconstrainedNumericValues.isUnconstrained(targets.get(i).duckDbType())) {
        unconstrained.add(i);
      }
    }
    if (unconstrained.isEmpty()) {
      return;
    }
    List<String> found = engine.firstColumn(query(spool, format, targets.size(), unconstrained));
    if (!found.isEmpty() && found.get(0) != null) {
      throw UnconstrainedNumericValues.tooManyDecimals(found.get(0).strip());
    }
  }

  static String query(Path spool, CopyFormat format, int columnCount, List<Integer> unconstrained) {
    StringJoiner columns = new StringJoiner(", ", "{", "}");
    for (int i = 0; i < columnCount; i++) {
      columns.add("'c" + i + "': 'VARCHAR'");
    }
    StringJoiner value = new StringJoiner(" ", "CASE ", " END");
    StringJoiner any = new StringJoiner(" OR ");
    for (int i : unconstrained) {
      String condition = rounded("c" + i);
      value.add("WHEN " + condition + " THEN c" + i);
      any.add(condition);
    }
    return "SELECT " + value + " FROM read_csv(" + literal(spool.toString()) + ", " + options(format) + ", columns = " + columns
        + ") WHERE " + any + " LIMIT 1";
  }

  /** Whether DECIMAL(38,10) would round the text: too many plain decimals, or an exponent whose value changes. */
  private static String rounded(String column) {
    return "((NOT regexp_matches(" + column + ", '[eE]') AND regexp_matches(" + column + ", " + MORE_DECIMALS + ")) OR (regexp_matches("
        + column + ", '[eE]') AND TRY_CAST(" + column + " AS DOUBLE) <> TRY_CAST(TRY_CAST(" + column + " AS DECIMAL(38,10)) AS DOUBLE)))";
  }

  /** read_csv's names for the options the load gives DuckDB's COPY (see CopyHandler). */
  private static String options(CopyFormat format) {
    String common = "auto_detect = false, allow_quoted_nulls = false, ";
    if (!format.csv()) {
      return common + "delim = ',', quote = '\"', escape = '\"', nullstr = '\\N', header = false";
    }
    return common + "delim = " + literal(String.valueOf(format.delimiter())) + ", quote = " + literal(String.valueOf(format.quote()))
        + ", escape = " + literal(String.valueOf(format.escape())) + ", nullstr = " + literal(format.nullString()) + ", header = "
        + format.header();
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
