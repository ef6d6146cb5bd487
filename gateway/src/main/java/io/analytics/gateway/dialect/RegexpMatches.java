package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code regexp_matches(text, pattern [, flags])} is a set-returning function of text arrays in
 * PostgreSQL ({@code {ll}} for 'hello', 'l+') but DuckDB's boolean match test, so left alone it
 * would answer {@code true}: a silently wrong value. With a literal pattern and no flags (first match) or
 * the flag 'g' (every match, patterns without capture groups), it becomes the same rows from DuckDB's
 * regexp_extract functions; any other form is refused with 0A000 (use {@code ~} to test a match). A group that took no
 * part in the match is NULL, as in PostgreSQL ({@link CaptureGroupShapes}).
 */
public final class RegexpMatches implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.is("regexp_matches"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      if (!tokens.get(i).is("regexp_matches") || !tokens.get(i + 1).isPunctuation('(') || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      List<String> arguments = close < 0 ? List.of() : CallArguments.split(statement, i + 1, close);
      edits.replace(tokens.get(i).start(), tokens.get(close < 0 ? i : close).end(), translated(arguments));
      i = Math.max(i, close);
    }
    return edits.result();
  }

  private static String translated(List<String> arguments) {
    SqlStatement pattern = arguments.size() >= 2 ? SqlStatement.parse(arguments.get(1)) : null;
    boolean literalPattern = pattern != null && pattern.tokens().size() == 1 && pattern.tokens().get(0).type() == TokenType.STRING;
    String flags = arguments.size() == 3 ? flags(arguments.get(2)) : "";
    if (!literalPattern || arguments.size() > 3 || flags == null || !(flags.isEmpty() || flags.equals("g"))) {
      throw refused();
    }
    if (RegexPatternShape.hasLazyQuantifier(pattern.tokens().get(0).value())) {
      // PostgreSQL decides the whole expression's greediness from its first quantifier, RE2 each quantifier's own.
      throw refused();
    }
    String subject = arguments.get(0);
    String regex = arguments.get(1);
    int groups = captureGroups(pattern.tokens().get(0).value());
    if (flags.equals("g")) {
      if (groups > 0) {
        throw refused();
      }
      return "unnest(list_transform(regexp_extract_all(" + subject + ", " + regex + "), lambda m: [m]))";
    }
    List<String> parts = new ArrayList<>();
    if (groups == 0) {
      parts.add("regexp_extract(" + subject + ", " + regex + ")");
    }
    List<CaptureGroupShapes.Shape> shapes = CaptureGroupShapes.of(pattern.tokens().get(0).value());
    for (int group = 1; group <= groups; group++) {
      parts.add(groupValue("regexp_extract(" + subject + ", " + regex + ", " + group + ")", shapes, group));
    }
    return "unnest(CASE WHEN regexp_matches(" + subject + ", " + regex + ") THEN [[" + String.join(", ", parts) + "]] ELSE [] END)";
  }

  private static String flags(String argument) {
    SqlStatement flags = SqlStatement.parse(argument);
    return flags.tokens().size() == 1 && flags.tokens().get(0).type() == TokenType.STRING ? flags.tokens().get(0).value() : null;
  }

  /** Capturing groups of a pattern: '(' not escaped, not in a bracket expression, not followed by '?'. */
  static int captureGroups(String pattern) {
    return CaptureGroupShapes.of(pattern).size();
  }

  /**
   * regexp_extract's text of capture group {@code group} as PostgreSQL answers it: NULL when the group took no part
   * ('' from DuckDB), refused when that cannot be told from an empty match.
   */
  static String groupValue(String extracted, List<CaptureGroupShapes.Shape> shapes, int group) {
    CaptureGroupShapes.Shape shape = group <= shapes.size() ? shapes.get(group - 1) : CaptureGroupShapes.Shape.AMBIGUOUS;
    return switch (shape) {
      case ALWAYS -> extracted;
      case OPTIONAL_NON_EMPTY -> "nullif(" + extracted + ", '')";
      case AMBIGUOUS -> throw ambiguousGroup(group);
    };
  }

  private static PlatformException ambiguousGroup(int group) {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "regexp_matches or regexp_match with capture group " + group
        + " is not supported: the group may take no part in a match and may match an empty string, which DuckDB's "
        + "regexp_extract cannot tell apart (PostgreSQL answers NULL for one and '' for the other)", null, null, 0, null);
  }

  private static PlatformException refused() {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
        "regexp_matches is supported with a literal pattern without lazy quantifiers and no flags, or the flag 'g' without "
            + "capture groups",
        null, "use ~ to test whether text matches, or regexp_extract_all", 0, null);
  }
}
