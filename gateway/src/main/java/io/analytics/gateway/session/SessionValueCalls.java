package io.analytics.gateway.session;

import io.analytics.gateway.sql.LiveRelation;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenSplice;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces calls whose answer is the gateway session's, not DuckDB's, by literals:
 * {@code current_setting('name' [, missing_ok])} of a parameter the gateway keeps (server_version,
 * application_name, ...), {@code current_database()} and {@code current_catalog} (the database
 * the client connected to), and {@code current_user}, {@code session_user}, {@code current_role}
 * and {@code user} (the login). DuckDB would answer with its own settings, its file name and
 * "duckdb"; drivers and BI tools show and compare these values. Values are those in force when
 * the statement is prepared. Strings, quoted identifiers and qualified names are left alone.
 */
final class SessionValueCalls {
  private static final Set<String> USER_KEYWORDS = Set.of("current_user", "session_user", "current_role", "user");

  /** The values a session answers with. */
  record Values(SessionParameters parameters, String database, String user) {}

  private SessionValueCalls() {}

  static SqlStatement rewrite(SqlStatement statement, Values values) {
    if (!mentionsAny(statement)) {
      return statement;
    }
    List<Token> tokens = statement.tokens();
    TokenSplice splice = new TokenSplice(statement);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).type() != TokenType.WORD || isQualifiedMember(tokens, i) || isAliasName(tokens, i)) {
        continue;
      }
      int end = -1;
      String literal = null;
      String word = tokens.get(i).text().toLowerCase(Locale.ROOT);
      if (word.equals("current_setting")) {
        end = settingCallEnd(tokens, i);
        if (end >= 0) {
          literal = setting(tokens.get(i + 2).value(), values.parameters(), end == i + 5 && tokens.get(i + 4).is("true"));
        }
      } else if (word.equals("current_database") && isEmptyCall(tokens, i)) {
        end = i + 2;
        literal = LiveRelation.text(values.database());
      } else if (word.equals("current_catalog") && !isCall(tokens, i)) {
        end = i;
        literal = LiveRelation.text(values.database());
      } else if (USER_KEYWORDS.contains(word) && !isCall(tokens, i)) {
        end = i;
        literal = LiveRelation.text(values.user());
      }
      if (literal == null) {
        continue;
      }
      int start = i >= 2 && tokens.get(i - 1).isPunctuation('.') && tokens.get(i - 2).is("pg_catalog") ? i - 2 : i;
      splice.replace(start, end, literal);
      i = end;
    }
    return splice.result();
  }

  /** The parameter's value as SQL, NULL for an unset custom parameter asked with missing_ok, or null to leave the call alone. */
  private static String setting(String name, SessionParameters parameters, boolean missingOk) {
    if (!SessionParameters.isKnown(name)) {
      return null;
    }
    try {
      return LiveRelation.text(parameters.get(name));
    } catch (io.analytics.catalog.error.PlatformException unset) {
      return missingOk ? LiveRelation.text(null) : null;
    }
  }

  private static boolean mentionsAny(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.type() == TokenType.WORD) {
        String word = token.text().toLowerCase(Locale.ROOT);
        if (word.equals("current_setting") || word.equals("current_database") || word.equals("current_catalog")
            || USER_KEYWORDS.contains(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** {@code x.name}: a column or member named like the keyword, not the keyword (pg_catalog.x is still the function). */
  private static boolean isQualifiedMember(List<Token> tokens, int i) {
    boolean afterDot = i >= 1 && tokens.get(i - 1).isPunctuation('.') && !(i >= 2 && tokens.get(i - 2).is("pg_catalog"));
    boolean beforeDot = i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('.');
    return afterDot || beforeDot;
  }

  /** {@code AS user}: an alias, as DuckDB allows. */
  private static boolean isAliasName(List<Token> tokens, int i) {
    return i >= 1 && tokens.get(i - 1).is("AS");
  }

  private static boolean isCall(List<Token> tokens, int i) {
    return i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('(');
  }

  private static boolean isEmptyCall(List<Token> tokens, int i) {
    return i + 2 < tokens.size() && tokens.get(i + 1).isPunctuation('(') && tokens.get(i + 2).isPunctuation(')');
  }

  /** The index of the closing parenthesis when tokens at {@code i} are {@code current_setting('x' [, bool])}, else -1. */
  private static int settingCallEnd(List<Token> tokens, int i) {
    if (i + 3 >= tokens.size() || !tokens.get(i + 1).isPunctuation('(') || tokens.get(i + 2).type() != TokenType.STRING) {
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
