package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * Replaces {@code current_setting('name')} (and {@code current_setting('name', missing_ok)}) of a
 * parameter the gateway keeps, such as server_version, standard_conforming_strings or
 * application_name, by its value as a string literal. DuckDB's own current_setting knows only
 * DuckDB's settings; drivers and BI tools ask for PostgreSQL's. Other names are left to DuckDB.
 * The value is the one in force when the statement is prepared.
 */
final class CurrentSettingCalls {
  private CurrentSettingCalls() {}

  static SqlStatement rewrite(SqlStatement statement, SessionParameters parameters) {
    if (!mentionsCurrentSetting(statement)) {
      return statement;
    }
    String sql = statement.sql();
    List<Token> tokens = statement.tokens();
    StringBuilder out = new StringBuilder(sql.length());
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      int close = callEnd(tokens, i);
      if (close < 0) {
        continue;
      }
      String name = tokens.get(i + 2).value();
      String literal = literal(name, parameters, close == i + 5 && tokens.get(i + 4).is("true"));
      if (literal == null) {
        continue;
      }
      int start = i >= 2 && tokens.get(i - 1).isPunctuation('.') && tokens.get(i - 2).is("pg_catalog") ? i - 2 : i;
      out.append(sql, copied, tokens.get(start).start()).append(literal);
      copied = tokens.get(close).end();
      i = close;
    }
    if (copied == 0) {
      return statement;
    }
    out.append(sql, copied, sql.length());
    SqlStatement rewritten = SqlStatement.parse(out.toString());
    return new SqlStatement(rewritten.sql(), rewritten.tokens(), statement.offsetInQuery());
  }

  /** The parameter's value as SQL, NULL for an unset custom parameter asked with missing_ok, or null to leave the call alone. */
  private static String literal(String name, SessionParameters parameters, boolean missingOk) {
    if (!SessionParameters.isKnown(name)) {
      return null;
    }
    try {
      return "CAST('" + parameters.get(name).replace("'", "''") + "' AS VARCHAR)";
    } catch (io.analytics.catalog.error.PlatformException unset) {
      return missingOk ? "CAST(NULL AS VARCHAR)" : null;
    }
  }

  private static boolean mentionsCurrentSetting(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.type() == TokenType.WORD && token.is("current_setting")) {
        return true;
      }
    }
    return false;
  }

  /** The index of the closing parenthesis when tokens at {@code i} are {@code current_setting('x' [, bool])}, else -1. */
  private static int callEnd(List<Token> tokens, int i) {
    if (!tokens.get(i).is("current_setting") || i + 3 >= tokens.size() || !tokens.get(i + 1).isPunctuation('(')
        || tokens.get(i + 2).type() != TokenType.STRING) {
      return -1;
    }
    if (tokens.get(i + 3).isPunctuation(')')) {
      return i + 3;
    }
    if (i + 5 < tokens.size() && tokens.get(i + 3).isPunctuation(',') && tokens.get(i + 4).type() == TokenType.WORD
        && tokens.get(i + 5).isPunctuation(')')) {
      return i + 5;
    }
    return -1;
  }
}
