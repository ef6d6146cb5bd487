package io.analytics.gateway.sql;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * One name per source table whatever the path. On the mirror path a source's tables live in a
 * DuckDB schema named after the source ({@code oltp.orders}, {@code oltp.sales__orders}); on the
 * live path (DuckDB's postgres extension) in a catalog named after it ({@code oltp.public.orders},
 * {@code oltp.sales.orders}). This stage rewrites each path's names into the other's, so a query
 * written for either runs on both:
 * <ul>
 *   <li>mirrored source: {@code source.schema.table} becomes {@code source.table} (public) or
 *       {@code source.schema__table};
 *   <li>live source: {@code source.table} becomes {@code source.public.table}, and {@code
 *       source.schema__table} becomes {@code source.schema.table} (a warehouse schema of the same
 *       name, a stale mirror, can then never answer instead of the source).
 * </ul>
 * Only the middle parts a source exposes count as schemas ({@code oltp.orders.order_id} on the
 * mirror path is a column reference and stays), and strings, comments and other identifiers are
 * never touched (the lexer sees them for what they are).
 */
public final class SourceTableNames {
  private final Map<String, List<String>> mirrored;
  private final Map<String, List<String>> live;

  /**
   * @param mirrored per mirrored source (by its name, lower case), the schemas it exposes
   * @param live per source attached live as a DuckDB catalog, the schemas it exposes
   */
  public SourceTableNames(Map<String, List<String>> mirrored, Map<String, List<String>> live) {
    this.mirrored = Map.copyOf(requireNonNull(mirrored, "mirrored is null"));
    this.live = Map.copyOf(requireNonNull(live, "live is null"));
  }

  /** {@code sql} with every {@code source.schema.table} of the mirrored sources replaced. */
  public static String rewrite(String sql, Map<String, List<String>> mirrored) {
    return new SourceTableNames(mirrored, Map.of()).rewrite(sql);
  }

  public String rewrite(String sql) {
    if ((mirrored.isEmpty() && live.isEmpty()) || sql.indexOf('.') < 0) {
      return sql;
    }
    List<Token> tokens = SqlLexer.tokenize(sql);
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 0; i + 2 < tokens.size(); i++) {
      Token source = tokens.get(i);
      if (!isIdentifier(source) || !tokens.get(i + 1).isPunctuation('.') || !isIdentifier(tokens.get(i + 2))
          || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue; // not a dotted name, or catalog.source.x.y: qualified beyond what this stage knows
      }
      boolean threeParts = i + 4 < tokens.size() && tokens.get(i + 3).isPunctuation('.') && isIdentifier(tokens.get(i + 4));
      String replacement = threeParts ? mirrorName(source.value(), tokens.get(i + 2).value(), tokens.get(i + 4).value()) : null;
      int last = i + 4;
      if (replacement == null) {
        replacement = liveName(source.value(), tokens.get(i + 2).value(), threeParts);
        last = i + 2;
      }
      if (replacement == null) {
        continue;
      }
      out.append(sql, copied, source.end()).append('.').append(replacement);
      copied = tokens.get(last).end();
      i = last;
    }
    return copied == 0 ? sql : out.append(sql, copied, sql.length()).toString();
  }

  /** source.schema.table of a mirrored source: its mirror's name, or null. */
  private String mirrorName(String source, String schema, String table) {
    List<String> schemas = mirrored.get(source);
    if (schemas == null || !schemas.contains(schema)) {
      return null;
    }
    return quote(schema.equals("public") ? table : schema + "__" + table);
  }

  /** source.name of a live source: schema.table in its catalog, or null when it already names a schema. */
  private String liveName(String source, String name, boolean followedByName) {
    List<String> schemas = live.get(source);
    if (schemas == null || (followedByName && schemas.contains(name))) {
      return null;
    }
    int separator = name.indexOf("__");
    if (separator > 0 && schemas.contains(name.substring(0, separator))) {
      return quote(name.substring(0, separator)) + "." + quote(name.substring(separator + 2));
    }
    return schemas.contains("public") ? "public." + quote(name) : null;
  }

  private static boolean isIdentifier(Token token) {
    return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
  }

  private static String quote(String identifier) {
    return identifier.matches("[a-z_][a-z0-9_]*") ? identifier : "\"" + identifier.replace("\"", "\"\"") + "\"";
  }
}
