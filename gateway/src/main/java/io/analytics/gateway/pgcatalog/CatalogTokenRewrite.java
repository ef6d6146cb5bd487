package io.analytics.gateway.pgcatalog;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The text a {@link PgCatalogRewriter} writes: the statement's SQL copied lazily up to where a
 * rule replaces a stretch of it, so that what no rule touches (strings, comments, spacing) stays
 * exactly as the client wrote it.
 */
final class CatalogTokenRewrite {
  private final SqlStatement statement;
  private final String sql;
  private final List<Token> tokens;
  private final StringBuilder out;
  /** Replacements a rule asked for at a later token, keyed by the token they start at. */
  private final Map<Integer, Deferred> deferred = new HashMap<>();
  /** The offset in the SQL up to which it has been written (copied or replaced). */
  private int copied;

  private record Deferred(int last, String text) {}

  CatalogTokenRewrite(SqlStatement statement) {
    this.statement = requireNonNull(statement, "statement is null");
    this.sql = statement.sql();
    this.tokens = statement.tokens();
    this.out = new StringBuilder(sql.length());
  }

  SqlStatement statement() {
    return statement;
  }

  String sql() {
    return sql;
  }

  List<Token> tokens() {
    return tokens;
  }

  Token token(int index) {
    return tokens.get(index);
  }

  int size() {
    return tokens.size();
  }

  /** The offset in the SQL up to which the output is written; a rule cannot reach back before it. */
  int copied() {
    return copied;
  }

  /** Writes the SQL up to offset {@code from}, then {@code text} in place of the SQL up to offset {@code to}. */
  void replace(int from, String text, int to) {
    out.append(sql, copied, from).append(text);
    copied = to;
  }

  /** Writes {@code text} in place of tokens {@code first} to {@code last}, inclusive. */
  void replaceTokens(int first, int last, String text) {
    replace(tokens.get(first).start(), text, tokens.get(last).end());
  }

  /** Has tokens {@code first} to {@code last} replaced by {@code text} when the rewrite reaches {@code first}. */
  void deferReplacement(int first, int last, String text) {
    deferred.put(first, new Deferred(last, text));
  }

  /** Applies the replacement deferred to token {@code at}, if any; returns its last token, or -1. */
  int applyDeferred(int at) {
    Deferred replacement = deferred.remove(at);
    if (replacement == null) {
      return -1;
    }
    replaceTokens(at, replacement.last(), replacement.text());
    return replacement.last();
  }

  /** The rewritten SQL, the rest of the statement copied as it is. */
  String finish() {
    out.append(sql, copied, sql.length());
    return out.toString();
  }

  /** Whether the token is the identifier {@code name}, quoted or not. */
  static boolean isName(Token token, String name) {
    return isIdentifier(token) && token.value().equals(name);
  }

  /** Whether the token is an identifier, quoted or not. */
  static boolean isIdentifier(Token token) {
    return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
  }
}
