package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.function.UnaryOperator;

/**
 * Applies a stage's one-rewrite step until it finds nothing more to rewrite: each step rewrites the
 * first match and lexes the result again, so later matches see the earlier ones' calls as operands.
 */
final class RepeatedRewrite {
  /** A bound on the steps, against a rewrite that would keep matching its own output. */
  private static final int MAX_REWRITES = 500;

  private RepeatedRewrite() {}

  /** {@code rewriteFirst} returns the statement with its first match rewritten, or null when there is none. */
  static SqlStatement apply(SqlStatement statement, UnaryOperator<SqlStatement> rewriteFirst) {
    SqlStatement current = statement;
    for (int round = 0; round < MAX_REWRITES; round++) {
      SqlStatement next = rewriteFirst.apply(current);
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }
}
