package io.analytics.gateway.sql;

import static java.util.Objects.requireNonNull;

/**
 * Rewrites a statement by replacing runs of its tokens, left to right, with new text; the text
 * between them is kept as the client wrote it, and the result keeps the statement's offset in the
 * client's query (for error positions).
 */
public final class TokenSplice {
  private final SqlStatement statement;
  private final StringBuilder out;
  private int copied;
  private boolean replaced;

  public TokenSplice(SqlStatement statement) {
    this.statement = requireNonNull(statement, "statement is null");
    this.out = new StringBuilder(statement.sql().length());
  }

  /** Replaces the tokens {@code first} to {@code last} (inclusive, after any replaced before) with {@code text}. */
  public void replace(int first, int last, String text) {
    out.append(statement.sql(), copied, statement.token(first).start()).append(text);
    copied = statement.token(last).end();
    replaced = true;
  }

  /** The rewritten statement, or the same one when nothing was replaced. */
  public SqlStatement result() {
    if (!replaced) {
      return statement;
    }
    out.append(statement.sql(), copied, statement.sql().length());
    SqlStatement rewritten = SqlStatement.parse(out.toString());
    return new SqlStatement(rewritten.sql(), rewritten.tokens(), statement.offsetInQuery());
  }
}
