package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A literal (or a parameter) given a type in one of PostgreSQL's three spellings: {@code 'x'::type}, {@code
 * CAST('x' AS type)} and the typed literal {@code type 'x'}. {@code start}..{@code end} is the source
 * span of the whole cast; {@code typmod} says the type name is followed by a modifier in parentheses.
 */
record LiteralCast(Token literal, String type, boolean typmod, int start, int end) {
  /** The casts of a string or number literal to one of {@code types} (lower-case names), in source order. */
  static List<LiteralCast> find(SqlStatement statement, Set<String> types) {
    List<Token> tokens = statement.tokens();
    List<LiteralCast> found = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (isLiteral(token) && i + 2 < tokens.size() && tokens.get(i + 1).text().equals("::")
          && isType(tokens.get(i + 2), types) && !isArray(tokens, i + 3)) {
        boolean typmod = i + 3 < tokens.size() && tokens.get(i + 3).isPunctuation('(');
        found.add(new LiteralCast(token, typeName(tokens.get(i + 2)), typmod, token.start(), tokens.get(i + 2).end()));
      } else if (token.isPunctuation('(') && isGrouping(tokens, i) && i + 4 < tokens.size() && isLiteral(tokens.get(i + 1)) && tokens.get(i + 2).isPunctuation(')')
          && tokens.get(i + 3).text().equals("::") && isType(tokens.get(i + 4), types) && !isArray(tokens, i + 5)) {
        // ('x')::type, as pgjdbc writes an inlined parameter in simple query mode
        boolean typmod = i + 5 < tokens.size() && tokens.get(i + 5).isPunctuation('(');
        found.add(new LiteralCast(tokens.get(i + 1), typeName(tokens.get(i + 4)), typmod, token.start(), tokens.get(i + 4).end()));
        i += 4;
      } else if (token.is("CAST") && i + 5 < tokens.size() && tokens.get(i + 1).isPunctuation('(') && isLiteral(tokens.get(i + 2))
          && tokens.get(i + 3).is("AS") && isType(tokens.get(i + 4), types) && !isArray(tokens, i + 5)) {
        boolean typmod = tokens.get(i + 5).isPunctuation('(');
        if (typmod || tokens.get(i + 5).isPunctuation(')')) {
          found.add(new LiteralCast(tokens.get(i + 2), typeName(tokens.get(i + 4)), typmod, token.start(), tokens.get(i + 5).end()));
        }
      } else if (isType(token, types) && i + 1 < tokens.size() && tokens.get(i + 1).type() == TokenType.STRING
          && (i == 0 || !tokens.get(i - 1).text().equals("::") && !tokens.get(i - 1).is("AS"))) {
        found.add(new LiteralCast(tokens.get(i + 1), typeName(token), false, token.start(), tokens.get(i + 1).end()));
      }
    }
    return found;
  }

  /**
   * The error with its position at the literal (1-based characters, as PostgreSQL's ErrorResponse
   * gives it), when the error came from reading the literal's text.
   */
  PlatformException positioned(PlatformException e, SqlStatement statement) {
    int position = statement.sql().codePointCount(0, literal.start()) + 1;
    return new PlatformException(e.sqlState(), e.getMessage(), e.detail(), e.hint(), position, e);
  }

  /** Keywords after which a parenthesis groups an expression rather than calling a function. */
  private static final Set<String> BEFORE_GROUPING = Set.of(
      "select", "where", "and", "or", "not", "when", "then", "else", "by", "having", "on", "values", "in", "is", "like",
      "between", "case", "distinct", "all", "any", "some", "returning", "set", "limit", "offset", "return");

  /** Whether the parenthesis at {@code open} groups an expression: not a call ({@code f('x')::int} casts the call). */
  static boolean isGrouping(List<Token> tokens, int open) {
    if (open == 0) {
      return true;
    }
    Token previous = tokens.get(open - 1);
    return switch (previous.type()) {
      case WORD -> BEFORE_GROUPING.contains(previous.value());
      case QUOTED_IDENTIFIER -> false;
      case PUNCTUATION -> !previous.isPunctuation(')') && !previous.isPunctuation(']');
      default -> true;
    };
  }

  /** {@code type[]}: an array of the type, which is not this cast. */
  private static boolean isArray(List<Token> tokens, int afterType) {
    return afterType < tokens.size() && tokens.get(afterType).isPunctuation('[');
  }

  /** A string or number literal, or a parameter ({@code $1::numeric}): stages look at the literal's type. */
  private static boolean isLiteral(Token token) {
    return token.type() == TokenType.STRING || token.type() == TokenType.NUMBER || token.type() == TokenType.PARAMETER;
  }

  private static boolean isType(Token token, Set<String> types) {
    return token.type() == TokenType.WORD && types.contains(typeName(token));
  }

  private static String typeName(Token token) {
    return token.text().toLowerCase(Locale.ROOT);
  }
}
