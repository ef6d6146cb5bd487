package io.analytics.gateway.sql;

import java.util.List;
import java.util.Map;

/**
 * One name per source table whatever the path: on the mirror path a source's tables live in a
 * DuckDB schema named after the source ({@code oltp.orders}, {@code oltp.sales__orders}), while the
 * live path (DuckDB's postgres extension) names them {@code oltp.public.orders}. This stage rewrites
 * the three-part form {@code source.schema.table} of a mirrored source into its mirror's name, so
 * queries written for either path run on both. Only names whose middle part is one of the source's
 * exposed schemas are touched ({@code oltp.orders.order_id} is a column reference and stays), and
 * strings, comments and other identifiers never are (the lexer sees them for what they are).
 */
public final class SourceTableNames {
  private SourceTableNames() {}

  /**
   * @param mirrored per mirrored source (by its name, lower case), the schemas it exposes
   * @return {@code sql} with every {@code source.schema.table} of those sources replaced
   */
  public static String rewrite(String sql, Map<String, List<String>> mirrored) {
    if (mirrored.isEmpty() || sql.indexOf('.') < 0) {
      return sql;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 0; i + 4 < tokens.size(); i++) {
      Token source = tokens.get(i);
      if (!isIdentifier(source) || !tokens.get(i + 1).isPunctuation('.') || !isIdentifier(tokens.get(i + 2))
          || !tokens.get(i + 3).isPunctuation('.') || !isIdentifier(tokens.get(i + 4))) {
        continue;
      }
      if (i > 0 && tokens.get(i - 1).isPunctuation('.')) {
        continue; // catalog.source.x.y: already qualified beyond what this stage knows
      }
      List<String> schemas = mirrored.get(source.value());
      String schema = tokens.get(i + 2).value();
      if (schemas == null || !schemas.contains(schema)) {
        continue;
      }
      String table = tokens.get(i + 4).value();
      String mirror = schema.equals("public") ? table : schema + "__" + table;
      out.append(sql, copied, source.start()).append(sql, source.start(), source.end()).append('.')
          .append(quote(mirror));
      copied = tokens.get(i + 4).end();
      i += 4;
    }
    return copied == 0 ? sql : out.append(sql, copied, sql.length()).toString();
  }

  private static boolean isIdentifier(Token token) {
    return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
  }

  private static String quote(String identifier) {
    return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
