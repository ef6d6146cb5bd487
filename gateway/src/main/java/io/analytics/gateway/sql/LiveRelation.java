package io.analytics.gateway.sql;

import java.util.List;

/**
 * Binds a catalog relation that only the gateway can answer (its sessions, its cursors) into a
 * statement as a CTE holding a snapshot taken now. A {@code pg_catalog.} qualifier is dropped so the
 * name resolves to the CTE. Names are found by the lexer's tokens, so strings and comments that
 * mention them are left alone.
 */
public final class LiveRelation {
  private LiveRelation() {}

  /** Whether the statement names the relation. */
  public static boolean isReadBy(SqlStatement statement, String name) {
    for (Token token : statement.tokens()) {
      if (isName(token, name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statement with {@code name(columns)} defined as {@code rowsQuery}, a query returning the
   * snapshot's rows.
   */
  public static String bind(SqlStatement statement, String name, String columns, String rowsQuery) {
    String sql = statement.sql();
    StringBuilder body = new StringBuilder(sql.length() + 256);
    int copied = 0;
    List<Token> tokens = statement.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (!isName(tokens.get(i), name)) {
        continue;
      }
      int start = tokens.get(i).start();
      if (i >= 2 && tokens.get(i - 1).isPunctuation('.') && tokens.get(i - 2).is("pg_catalog")) {
        start = tokens.get(i - 2).start();
      }
      body.append(sql, copied, start).append(name);
      copied = tokens.get(i).end();
    }
    body.append(sql, copied, sql.length());
    String cte = name + "(" + columns + ") AS (" + rowsQuery + ")";
    if (statement.keyword().equals("WITH")) {
      int afterWith = statement.keyword(1).equals("RECURSIVE") ? tokens.get(1).end() : tokens.get(0).end();
      return body.substring(0, afterWith) + " " + cte + "," + body.substring(afterWith);
    }
    return "WITH " + cte + " " + body;
  }

  /** A string as a SQL VARCHAR literal (NULL for null). */
  public static String text(String value) {
    return value == null ? "CAST(NULL AS VARCHAR)" : "CAST('" + value.replace("'", "''") + "' AS VARCHAR)";
  }

  /** An instant as a SQL TIMESTAMPTZ literal (NULL for null). */
  public static String time(java.time.Instant value) {
    return value == null ? "CAST(NULL AS TIMESTAMPTZ)" : "CAST('" + value + "' AS TIMESTAMPTZ)";
  }

  private static boolean isName(Token token, String name) {
    return (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) && token.value().equalsIgnoreCase(name);
  }
}
