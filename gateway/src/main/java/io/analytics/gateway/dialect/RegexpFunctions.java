package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL 15's regexp_like, regexp_match, regexp_count, regexp_substr and regexp_instr, which
 * DuckDB lacks, as DuckDB's RE2 functions with the option {@code s} (PostgreSQL's {@code .} matches a
 * newline). They are translated only where RE2 answers exactly as PostgreSQL: a literal pattern
 * whose matched text is the same in both ({@link RegexPatternShape}; regexp_like only tests a
 * match), literal integer arguments, the flags {@code i} and {@code c}, and a start position past 1
 * only for patterns without anchors or word boundaries. Other calls are refused with 0A000, and the
 * arguments PostgreSQL refuses with its 22023.
 */
public final class RegexpFunctions implements DialectStage {
  private static final Set<String> NAMES = Set.of("regexp_like", "regexp_match", "regexp_count", "regexp_substr", "regexp_instr");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.type() == TokenType.WORD && NAMES.contains(token.value()))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token name = tokens.get(i);
      if (name.type() != TokenType.WORD || !NAMES.contains(name.value()) || !tokens.get(i + 1).isPunctuation('(')
          || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0) {
        continue;
      }
      List<String> arguments = CallArguments.split(statement, i + 1, close);
      edits.replace(name.start(), tokens.get(close).end(), translated(name.value(), arguments));
      i = close;
    }
    return edits.result();
  }

  private static String translated(String function, List<String> arguments) {
    if (arguments.size() < 2) {
      throw refused(function);
    }
    RegexpCall call = new RegexpCall(function, arguments);
    return switch (function) {
      case "regexp_like" -> {
        call.maxArguments(3);
        yield "regexp_matches(" + call.subject() + ", " + call.pattern(false) + ", " + call.options(2) + ")";
      }
      case "regexp_match" -> regexpMatch(call);
      case "regexp_count" -> {
        call.maxArguments(4);
        yield "len(regexp_extract_all(" + call.searched(2) + ", " + call.pattern(true) + ", 0, " + call.options(3) + "))";
      }
      case "regexp_substr" -> {
        call.maxArguments(6);
        int n = call.positive(3, "n", 1);
        int group = call.subexpression(5);
        if (group > RegexpMatches.captureGroups(call.patternText())) {
          yield "CAST(NULL AS VARCHAR)";
        }
        yield "regexp_extract_all(" + call.searched(2) + ", " + call.pattern(true) + ", " + group + ", " + call.options(4) + ")[" + n + "]";
      }
      default -> regexpInstr(call);
    };
  }

  /** The first match as text[]: its capture groups, or the whole match when there are none; NULL without a match. */
  private static String regexpMatch(RegexpCall call) {
    call.maxArguments(3);
    String pattern = call.pattern(true);
    String options = call.options(2);
    int groups = RegexpMatches.captureGroups(call.patternText());
    List<String> parts = new ArrayList<>();
    List<CaptureGroupShapes.Shape> shapes = CaptureGroupShapes.of(call.patternText());
    for (int group = groups == 0 ? 0 : 1; group <= groups; group++) {
      String extracted = "regexp_extract(" + call.subject() + ", " + pattern + ", " + group + ", " + options + ")";
      parts.add(group == 0 ? extracted : RegexpMatches.groupValue(extracted, shapes, group));
    }
    return "CASE WHEN regexp_matches(" + call.subject() + ", " + pattern + ", " + options + ") THEN [" + String.join(", ", parts) + "] END";
  }

  /**
   * The position of the n-th match (or just after it): the text before it is the first n pieces the
   * matches split the searched text into, and the n-1 matches between them.
   */
  private static String regexpInstr(RegexpCall call) {
    call.maxArguments(7);
    int n = call.positive(3, "n", 1);
    int end = call.integer(4, 0);
    if (end != 0 && end != 1) {
      throw RegexpCall.invalidValue("endoption", end);
    }
    if (call.subexpression(6) != 0) {
      throw refused("regexp_instr");
    }
    String pattern = call.pattern(true);
    String options = call.options(5);
    String matches = "regexp_extract_all(" + call.searched(2) + ", " + pattern + ", 0, " + options + ")";
    String pieces = "string_split_regex(" + call.searched(2) + ", " + pattern + ", " + options + ")";
    String before = "coalesce(list_sum(list_transform(" + pieces + "[1:" + n + "], lambda piece: length(piece))), 0) + "
        + "coalesce(list_sum(list_transform(" + matches + "[1:" + (n - 1) + "], lambda m: length(m))), 0)";
    String matchEnd = end == 1 ? " + length(" + matches + "[" + n + "])" : "";
    return "CASE WHEN len(" + matches + ") < " + n + " THEN 0 ELSE " + (call.start(2) - 1) + " + " + before + " + 1" + matchEnd + " END";
  }

  static PlatformException refused(String function) {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
        function + " is supported with a literal pattern without alternation (|), lazy quantifiers, back-references or "
            + "optional capture groups, literal integer arguments and the flags i and c: DuckDB's regular expressions "
            + "would answer other calls otherwise than PostgreSQL",
        null, "use ~ to test whether text matches", 0, null);
  }

  /** The arguments of one call, read as literals where the translation needs their values. */
  private record RegexpCall(String function, List<String> arguments) {
    String subject() {
      return arguments.get(0);
    }

    void maxArguments(int max) {
      if (arguments.size() > max) {
        throw refused(function);
      }
    }

    /** The pattern's literal text; refused unless RE2 extracts as PostgreSQL does (when {@code extracts}). */
    String pattern(boolean extracts) {
      String text = patternText();
      if (extracts && !RegexPatternShape.extractsAsPostgres(text)) {
        throw refused(function);
      }
      return arguments.get(1);
    }

    String patternText() {
      Token token = single(arguments.get(1));
      if (token == null || token.type() != TokenType.STRING) {
        throw refused(function);
      }
      return token.value();
    }

    /** DuckDB's options for the flags argument at {@code index}: 's' and PostgreSQL's case flags. */
    String options(int index) {
      if (index >= arguments.size()) {
        return "'s'";
      }
      Token token = single(arguments.get(index));
      if (token == null || token.type() != TokenType.STRING) {
        throw refused(function);
      }
      StringBuilder options = new StringBuilder("s");
      for (char flag : token.value().toCharArray()) {
        if (flag == 'g') {
          throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, function + "() does not support the \"global\" option", null,
              function.equals("regexp_match") ? "Use the regexp_matches function instead." : null, 0, null);
        }
        if (flag != 'i' && flag != 'c') {
          throw refused(function);
        }
        options.append(flag);
      }
      return "'" + options + "'";
    }

    /** The text searched from the start position at {@code index} (1 when absent). */
    String searched(int index) {
      int start = start(index);
      if (start == 1) {
        return subject();
      }
      if (RegexPatternShape.dependsOnStart(patternText())) {
        throw refused(function);
      }
      return "substr(" + subject() + ", " + start + ")";
    }

    int start(int index) {
      return positive(index, "start", 1);
    }

    int positive(int index, String parameter, int absent) {
      int value = integer(index, absent);
      if (value <= 0) {
        throw invalidValue(parameter, value);
      }
      return value;
    }

    int subexpression(int index) {
      int value = integer(index, 0);
      if (value < 0) {
        throw invalidValue("subexpr", value);
      }
      return value;
    }

    /** The literal integer at {@code index}, {@code absent} when there is none; other expressions are refused. */
    int integer(int index, int absent) {
      if (index >= arguments.size()) {
        return absent;
      }
      String text = arguments.get(index).replace(" ", "");
      if (!text.matches("[+-]?\\d{1,9}")) {
        throw refused(function);
      }
      return Integer.parseInt(text);
    }

    static PlatformException invalidValue(String parameter, int value) {
      return new PlatformException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter \"" + parameter + "\": " + value, null, null, 0, null);
    }

    private static Token single(String argument) {
      List<Token> tokens = SqlStatement.parse(argument).tokens();
      return tokens.size() == 1 ? tokens.get(0) : null;
    }
  }
}
