package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * PostgreSQL reads a call named after a type, {@code int4(x)}, {@code float8(x)}, {@code text(x)},
 * {@code timestamptz('2020-01-01')}, as a cast of its one argument to that type (its result column is named after the
 * type, as a cast's is). DuckDB has no such functions; the call becomes {@code CAST(x AS type)}, which the later cast
 * stages then treat as any other cast. Only type names that are plain identifiers in PostgreSQL and not functions in
 * DuckDB are translated ({@code date(x)} and {@code json(x)} already answer alike), only with one argument, and only
 * where an expression can start: after an operator, a parenthesis, a comma or an expression keyword. A type in a
 * column definition ({@code ts timestamptz(3)}), after {@code ::} or in {@code CAST(... AS timestamptz(3))} is a type
 * with its modifier, not a call, and is left alone.
 */
public final class FunctionStyleCasts implements DialectStage {
  private static final Set<String> TYPE_NAMES = Set.of(
      "int2", "int4", "int8", "float4", "float8", "text", "bool", "timestamptz", "bytea", "uuid", "jsonb", "oid");
  private static final Set<String> EXPRESSION_KEYWORDS = Set.of(
      "select", "distinct", "where", "and", "or", "not", "then", "else", "when", "case", "on", "by", "having", "returning",
      "in", "is", "like", "ilike", "between", "all", "any", "some", "limit", "offset", "values", "return", "array");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 1; i + 1 < tokens.size(); i++) {
      Token name = tokens.get(i);
      if (name.type() != TokenType.WORD || !TYPE_NAMES.contains(name.value()) || !tokens.get(i + 1).isPunctuation('(')
          || !startsAnExpression(tokens.get(i - 1))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0 || CallArguments.spans(statement, i + 1, close).size() != 1) {
        continue;
      }
      edits = edits == null ? new TokenEdits(statement) : edits;
      edits.replace(name.start(), tokens.get(i + 1).end(), "CAST(");
      edits.replace(tokens.get(close).start(), tokens.get(close).end(), " AS " + name.value() + ")");
    }
    return edits == null ? statement : edits.result();
  }

  private static boolean startsAnExpression(Token previous) {
    if (previous.type() == TokenType.PUNCTUATION) {
      return !previous.text().equals("::") && !previous.text().equals(".") && !previous.text().endsWith("::");
    }
    return previous.type() == TokenType.WORD && EXPRESSION_KEYWORDS.contains(previous.text().toLowerCase(Locale.ROOT));
  }
}
