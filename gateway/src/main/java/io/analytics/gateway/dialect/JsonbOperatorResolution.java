package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Resolves {@code -} on jsonb operands that are not written as jsonb (a jsonb column, a subquery's
 * jsonb), which {@link JsonOperators} leaves to DuckDB: DuckDB then refuses the statement. Each
 * use of the operator is tried, left to right, as jsonb's; the call tried binds only when its left
 * operand really is jsonb (it reads it with union_extract), so DuckDB's binder, not a guess,
 * decides which uses are jsonb's. ({@code ||} cannot be resolved so: DuckDB concatenates a jsonb
 * operand's text without an error, and an override of {@code ||} would copy its operands into
 * every nested use, exponentially; see docs/COMPATIBILITY.md.)
 */
public final class JsonbOperatorResolution {
  private record Candidate(String operator, List<String> functions) {}

  private static final Candidate MINUS = new Candidate("-", List.of("pg_op_minus_left"));
  private static final int MAX_USES = 64;

  private JsonbOperatorResolution() {}

  /**
   * The statement with its jsonb uses of the operator rewritten, or null when {@code error} is not
   * about such an operator or no rewrite helps.
   *
   * @param tryPrepare prepares a candidate statement and returns its error, or null when it prepared
   */
  public static String resolve(String sql, PlatformException error, Function<String, PlatformException> tryPrepare) {
    Candidate candidate = candidateFor(error);
    if (candidate == null) {
      return null;
    }
    SqlStatement current = SqlStatement.parse(sql);
    int use = 0;
    for (int attempt = 0; attempt < MAX_USES; attempt++) {
      boolean rewritten = false;
      boolean exists = false;
      for (String function : candidate.functions()) {
        SqlStatement next = JsonOperators.rewriteOccurrence(current, candidate.operator(), use, function);
        if (next == null) {
          break;
        }
        exists = true;
        PlatformException failure = tryPrepare.apply(next.sql());
        if (failure == null) {
          return next.sql();
        }
        if (!mentions(failure, "union_extract")) {
          current = next; // this use is jsonb's; another one still fails
          rewritten = true;
          break;
        }
      }
      if (!exists) {
        return null;
      }
      if (!rewritten) {
        use++; // not jsonb's: the next use of the operator
      }
    }
    return null;
  }

  private static Candidate candidateFor(PlatformException error) {
    String message = error.getMessage() == null ? "" : error.getMessage();
    if (message.contains("'-(") && message.contains("UNION(jsonb VARCHAR)")) {
      return MINUS;
    }
    return null;
  }

  private static boolean mentions(PlatformException error, String text) {
    String message = error.getMessage() == null ? "" : error.getMessage().toLowerCase(Locale.ROOT);
    String detail = error.detail() == null ? "" : error.detail().toLowerCase(Locale.ROOT);
    return message.contains(text) || detail.contains(text);
  }
}
