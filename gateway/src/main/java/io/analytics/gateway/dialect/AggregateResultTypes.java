package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code sum} and {@code avg} of integers, and the variances and standard deviations of integers and
 * numerics, give PostgreSQL's result types and values: DuckDB's sum of int2/int4 is a HUGEINT (sent as
 * numeric, where PostgreSQL says int8) and its avg and variances doubles (where PostgreSQL computes exact
 * numerics), so drivers mapped them to other host types and lost digits. The calls become {@link
 * PgAggregateMacros} and {@link PgVarianceMacros}, whose typed overloads DuckDB's binder chooses by
 * the argument's type, so the translation needs no type knowledge and other types keep DuckDB's
 * aggregate. A call with {@code DISTINCT}, {@code ORDER BY} or {@code FILTER}, which DuckDB allows
 * only on real aggregates, stays as it is; so do statements that store SQL (views, macros), which
 * must not depend on the session's temporary macros.
 */
public final class AggregateResultTypes implements DialectStage {
  private static final Map<String, String> MACROS = macros(PgAggregateMacros.AVG, PgVarianceMacros.MACROS);
  /**
   * The macros of window calls: DuckDB takes a macro as a window function only when its body holds one aggregate, which
   * avg's and the variances' aggregate macros do not.
   */
  private static final Map<String, String> WINDOW_MACROS = macros(PgAggregateMacros.WINDOW_AVG, PgVarianceMacros.WINDOW_MACROS);
  /** Aggregates called with their argument twice, the second copy picking the macro's overload by its type. */
  private static final Set<String> TYPED_BY_A_COPY = Set.of("avg", "variance", "var_samp", "var_pop", "stddev", "stddev_samp", "stddev_pop");
  /** Aggregates an argument of a window call may hold. */
  private static final Set<String> AGGREGATES = Set.of(
      "sum", "avg", "count", "min", "max", "bool_and", "bool_or", "every", "string_agg", "array_agg", "stddev", "stddev_samp",
      "stddev_pop", "variance", "var_samp", "var_pop", "bit_and", "bit_or", "json_agg", "jsonb_agg", "first", "last", "any_value");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!QueryStatements.isQuery(statement) || tokens.stream().noneMatch(AggregateResultTypes::isAggregateName)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (!isAggregateName(token) || !tokens.get(i + 1).isPunctuation('(') || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      boolean window = close + 1 < tokens.size() && tokens.get(close + 1).is("OVER");
      if (close > i + 2 && isPlainCall(statement, i + 1, close)) {
        edits.replace(token.start(), token.end(), (window ? WINDOW_MACROS : MACROS).get(token.value()));
        if (TYPED_BY_A_COPY.contains(token.value())) {
          // f(x, x): the second copy picks the overload by x's type and keeps a DECIMAL's scale (see PgAggregateMacros)
          edits.replace(tokens.get(close).start(), tokens.get(close).start(),
              ", " + statement.sql().substring(tokens.get(i + 2).start(), tokens.get(close - 1).end()));
        }
      }
    }
    return edits.result();
  }

  private static Map<String, String> macros(String avg, Map<String, String> variances) {
    Map<String, String> macros = new java.util.HashMap<>(variances);
    macros.put("sum", PgAggregateMacros.SUM);
    macros.put("avg", avg);
    return Map.copyOf(macros);
  }

  private static boolean isAggregateName(Token token) {
    return token.type() == TokenType.WORD && MACROS.containsKey(token.value());
  }

  /** One argument, no DISTINCT/ALL, no ORDER BY inside, no FILTER after. */
  private static boolean isPlainCall(SqlStatement statement, int open, int close) {
    Token first = statement.token(open + 1);
    if (first.is("DISTINCT") || first.is("ALL") || first.isPunctuation('*')) {
      return false;
    }
    boolean window = close + 1 < statement.size() && statement.token(close + 1).is("OVER");
    int depth = 0;
    for (int i = open + 1; i < close; i++) {
      Token token = statement.token(i);
      if (window && token.type() == TokenType.WORD && AGGREGATES.contains(token.value()) && statement.token(i + 1).isPunctuation('(')) {
        // sum(count(x)) OVER (...): DuckDB takes a macro as a window function only when its body holds one aggregate.
        return false;
      }
      if (token.isPunctuation('(') || token.isPunctuation('[')) {
        depth++;
      } else if (token.isPunctuation(')') || token.isPunctuation(']')) {
        depth--;
      } else if (depth == 0 && (token.isPunctuation(',') || token.is("ORDER"))) {
        return false;
      }
    }
    return close + 1 >= statement.size() || !statement.token(close + 1).is("FILTER");
  }
}
