package io.analytics.gateway.sql;

import java.util.List;

/**
 * PostgreSQL's {@code public} schema is the warehouse's own schema, DuckDB's {@code main}: clients
 * see it as {@code public} in pg_namespace, {@code \dt}, information_schema and current_schema(),
 * so a name they qualify with it ({@code public.orders}, {@code "public".orders.id}) is rewritten
 * to {@code main.}; {@code main.} itself keeps working. Only a leading {@code public} followed by a
 * dot is touched: {@code oltp.public.orders} (a source's schema), {@code SET search_path = public}
 * and strings or comments are not. A table aliased {@code public} would be misread; PostgreSQL
 * clients do not write that.
 */
public final class PublicSchemaNames {
  private PublicSchemaNames() {}

  public static String rewrite(String sql) {
    if (indexOfIgnoreCase(sql, "public") < 0 || sql.indexOf('.') < 0) {
      return sql;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if ((token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) && token.value().equals("public")
          && tokens.get(i + 1).isPunctuation('.') && (i == 0 || !tokens.get(i - 1).isPunctuation('.'))) {
        out.append(sql, copied, token.start()).append("main");
        copied = token.end();
      }
    }
    return copied == 0 ? sql : out.append(sql, copied, sql.length()).toString();
  }

  private static int indexOfIgnoreCase(String text, String word) {
    return text.toLowerCase(java.util.Locale.ROOT).indexOf(word);
  }
}
