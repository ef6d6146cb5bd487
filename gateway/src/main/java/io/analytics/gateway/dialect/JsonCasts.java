package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * Casts to jsonb and json ({@code x::jsonb}, {@code CAST(x AS json)}, {@code jsonb '...'}) become
 * calls of the session's {@code pg_to_jsonb} and {@code pg_to_json}: DuckDB's own cast to the jsonb
 * type would neither check the text nor normalize it as PostgreSQL does (unique keys sorted,
 * numbers and spacing as jsonb prints them), and its cast of a jsonb value to JSON would wrap it in
 * the union's member name. Arrays of either type are left to DuckDB.
 */
public final class JsonCasts implements DialectStage {

  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (statement.tokens().stream().noneMatch(token -> token.is("jsonb") || token.is("json"))) {
      return statement;
    }
    return RepeatedRewrite.apply(statement, JsonCasts::rewriteFirst);
  }

  /** The statement with its first cast to json or jsonb rewritten, or null if it has none. */
  private static SqlStatement rewriteFirst(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String function = functionFor(tokens, i);
      if (function == null || isArrayType(tokens, i + 1)) {
        continue;
      }
      if (i >= 2 && tokens.get(i - 1).text().equals("::")) {
        int start = OperandBounds.primaryStart(tokens, i - 2);
        if (start >= 0) {
          return replace(statement, tokens.get(start).start(), token.end(),
              function + "(" + statement.sql().substring(tokens.get(start).start(), tokens.get(i - 2).end()) + ")");
        }
      } else if (i >= 1 && tokens.get(i - 1).is("as") && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation(')')) {
        int open = statement.openingParenthesis(i + 1);
        if (open > 0 && tokens.get(open - 1).is("cast")) {
          return replace(statement, tokens.get(open - 1).start(), tokens.get(i + 1).end(),
              function + "(" + statement.sql().substring(tokens.get(open + 1).start(), tokens.get(i - 2).end()) + ")");
        }
      } else if (i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.STRING
          && (i == 0 || !tokens.get(i - 1).text().equals("::"))) {
        return replace(statement, token.start(), tokens.get(i + 1).end(), function + "(" + tokens.get(i + 1).text() + ")");
      }
    }
    return null;
  }

  private static String functionFor(List<Token> tokens, int i) {
    Token token = tokens.get(i);
    if (i > 0 && tokens.get(i - 1).isPunctuation('.')) {
      return null;
    }
    if (token.is("jsonb")) {
      return "pg_to_jsonb";
    }
    return token.is("json") ? "pg_to_json" : null;
  }

  private static boolean isArrayType(List<Token> tokens, int after) {
    return after < tokens.size() && tokens.get(after).isPunctuation('[');
  }

  private static SqlStatement replace(SqlStatement statement, int start, int end, String text) {
    TokenEdits edits = new TokenEdits(statement);
    edits.replace(start, end, text);
    return edits.result();
  }
}
