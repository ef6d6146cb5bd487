package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;
import java.util.Set;

/**
 * PostgreSQL's parenthesised EXPLAIN options as DuckDB takes them: {@code EXPLAIN (ANALYZE, BUFFERS,
 * COSTS off, ...) query} becomes {@code EXPLAIN [ANALYZE] query}. ANALYZE is kept (when not set
 * off); BUFFERS, COSTS, VERBOSE, SETTINGS, WAL, TIMING, SUMMARY and FORMAT TEXT describe PostgreSQL's
 * executor and are accepted without effect, as DuckDB's plan has no such figures.
 */
final class ExplainOptions {
  private static final Set<String> ACCEPTED = Set.of(
      "ANALYZE", "ANALYSE", "BUFFERS", "COSTS", "VERBOSE", "SETTINGS", "WAL", "TIMING", "SUMMARY", "FORMAT", "GENERIC_PLAN");
  private static final Set<String> OFF = Set.of("OFF", "FALSE", "0", "NO");

  private ExplainOptions() {}

  /** The EXPLAIN statement DuckDB runs for this one (the same text when it has no option list). */
  static String duckDbSql(SqlStatement statement) {
    if (statement.size() < 2 || !statement.token(1).isPunctuation('(')) {
      return statement.sql();
    }
    boolean analyze = false;
    int i = 2;
    while (i < statement.size() && !statement.token(i).isPunctuation(')')) {
      String option = statement.keyword(i);
      if (!ACCEPTED.contains(option)) {
        throw SessionCommandParser.syntaxErrorAt(statement, i);
      }
      i++;
      String value = "";
      if (i < statement.size() && !statement.token(i).isPunctuation(',') && !statement.token(i).isPunctuation(')')) {
        value = statement.token(i).value().toUpperCase(java.util.Locale.ROOT);
        i++;
      }
      if (option.equals("FORMAT") && !value.equals("TEXT")) {
        throw new io.analytics.catalog.error.PlatformException(io.analytics.catalog.error.SqlState.FEATURE_NOT_SUPPORTED,
            "EXPLAIN format " + value.toLowerCase(java.util.Locale.ROOT) + " is not supported by this server (only text)");
      }
      if (option.startsWith("ANALY")) {
        analyze = !OFF.contains(value);
      }
      if (i < statement.size() && statement.token(i).isPunctuation(',')) {
        i++;
      }
    }
    if (i >= statement.size()) {
      throw SessionCommandParser.syntaxErrorAt(statement, i);
    }
    return (analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ") + statement.textFrom(i + 1);
  }
}
