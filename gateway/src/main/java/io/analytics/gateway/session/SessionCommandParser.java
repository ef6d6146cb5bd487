package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Recognises the statements the gateway handles itself, from their tokens. */
public final class SessionCommandParser {
  private static final Set<String> COPY_OPTIONS =
      Set.of("format", "header", "delimiter", "null", "quote", "escape", "encoding", "force_quote", "freeze", "default");

  private SessionCommandParser() {}

  public static Optional<SessionCommand> parse(SqlStatement statement) {
    String keyword = statement.keyword();
    return switch (keyword) {
      case "BEGIN" -> Optional.of(begin(statement, "BEGIN",
          statement.keyword(1).equals("WORK") || statement.keyword(1).equals("TRANSACTION") ? 2 : 1));
      case "START" -> statement.keyword(1).equals("TRANSACTION")
          ? Optional.of(begin(statement, "START TRANSACTION", 2))
          : Optional.empty();
      case "COMMIT", "END" -> statement.keyword(1).equals("PREPARED")
          ? Optional.of(new SessionCommand.Unsupported("two-phase commit"))
          : Optional.of(transaction(SessionCommand.TransactionControl.Kind.COMMIT, "COMMIT"));
      case "ROLLBACK", "ABORT" -> parseRollback(statement);
      case "SAVEPOINT" -> Optional.of(savepoint(statement, SessionCommand.SavepointCommand.Action.SAVEPOINT, 1));
      case "RELEASE" -> Optional.of(savepoint(statement, SessionCommand.SavepointCommand.Action.RELEASE,
          statement.keyword(1).equals("SAVEPOINT") ? 2 : 1));
      case "SET" -> parseSet(statement);
      case "SHOW" -> parseShow(statement);
      case "RESET" -> Optional.of(new SessionCommand.ResetParameter(
          statement.keyword(1).equals("ALL") ? null : joinName(statement, 1)));
      case "DISCARD" -> parseDiscard(statement);
      case "DEALLOCATE" -> parseDeallocate(statement);
      case "LISTEN", "UNLISTEN", "NOTIFY" -> Optional.of(NotificationStatements.parse(statement));
      case "COPY" -> parseCopy(statement);
      case "EXPLAIN" -> Optional.of(new SessionCommand.Explain(ExplainOptions.duckDbSql(statement)));
      case "DECLARE", "FETCH", "MOVE", "CLOSE" -> CursorStatements.parse(statement);
      case "SELECT" -> io.analytics.gateway.activity.BackendSignals.parse(statement)
          .<SessionCommand>map(call -> new SessionCommand.Signal(call.function(), call.pid(), call.terminate()))
          .or(() -> SetConfigCall.parse(statement))
          .or(() -> NotifyCall.parse(statement));
      default -> Optional.empty();
    };
  }

  private static SessionCommand transaction(SessionCommand.TransactionControl.Kind kind, String tag) {
    return new SessionCommand.TransactionControl(kind, tag);
  }

  private static SessionCommand begin(SqlStatement statement, String tag, int modesStart) {
    return new SessionCommand.TransactionControl(
        SessionCommand.TransactionControl.Kind.BEGIN, tag, TransactionModes.parse(statement, modesStart));
  }

  /** The savepoint name at {@code at}, which must be the statement's last token. */
  private static SessionCommand savepoint(SqlStatement statement, SessionCommand.SavepointCommand.Action action, int at) {
    if (at >= statement.size() || statement.size() != at + 1) {
      throw syntaxErrorAt(statement, at >= statement.size() ? at : at + 1);
    }
    Token name = statement.token(at);
    if (name.type() != TokenType.WORD && name.type() != TokenType.QUOTED_IDENTIFIER) {
      throw syntaxErrorAt(statement, at);
    }
    return new SessionCommand.SavepointCommand(action,
        name.type() == TokenType.WORD ? name.value().toLowerCase(Locale.ROOT) : name.value());
  }

  private static Optional<SessionCommand> parseRollback(SqlStatement statement) {
    for (int i = 1; i < statement.size(); i++) {
      if (statement.keyword(i).equals("PREPARED")) {
        return Optional.of(new SessionCommand.Unsupported("two-phase commit"));
      }
      if (statement.keyword(i).equals("TO")) {
        return Optional.of(savepoint(statement, SessionCommand.SavepointCommand.Action.ROLLBACK_TO,
            statement.keyword(i + 1).equals("SAVEPOINT") ? i + 2 : i + 1));
      }
    }
    return Optional.of(transaction(SessionCommand.TransactionControl.Kind.ROLLBACK, "ROLLBACK"));
  }

  private static Optional<SessionCommand> parseSet(SqlStatement statement) {
    int i = 1;
    if (statement.keyword(i).equals("SESSION") || statement.keyword(i).equals("LOCAL")) {
      if (statement.keyword(i).equals("SESSION") && statement.keyword(i + 1).equals("CHARACTERISTICS")) {
        if (!statement.keyword(i + 2).equals("AS") || !statement.keyword(i + 3).equals("TRANSACTION")) {
          throw syntaxErrorAt(statement, i + 2);
        }
        return Optional.of(new SessionCommand.SetTransaction(TransactionModes.parse(statement, i + 4), true));
      }
      if (statement.keyword(i).equals("SESSION") && statement.keyword(i + 1).equals("AUTHORIZATION")) {
        return Optional.of(new SessionCommand.Ignored("SET"));
      }
      i++;
    }
    String first = statement.keyword(i);
    if (first.equals("TRANSACTION")) {
      if (statement.keyword(i + 1).equals("SNAPSHOT")) {
        return Optional.of(new SessionCommand.Unsupported("exported snapshots"));
      }
      return Optional.of(new SessionCommand.SetTransaction(TransactionModes.parse(statement, i + 1), false));
    }
    if (first.equals("ROLE")) {
      return Optional.of(new SessionCommand.Ignored("SET"));
    }
    if (first.equals("TIME") && statement.keyword(i + 1).equals("ZONE")) {
      String value = valueList(statement, i + 2);
      if (value.equalsIgnoreCase("local") || value.equalsIgnoreCase("default")) {
        value = null;
      }
      return Optional.of(new SessionCommand.SetParameter("TimeZone", value));
    }
    if (first.equals("NAMES")) {
      return Optional.of(new SessionCommand.SetParameter("client_encoding", valueList(statement, i + 1)));
    }
    if (i >= statement.size()) {
      throw syntaxError("SET needs a parameter name");
    }
    int nameEnd = i + 1;
    while (nameEnd + 1 < statement.size() && statement.token(nameEnd).isPunctuation('.')) {
      nameEnd += 2;
    }
    String name = joinName(statement, i, nameEnd);
    if (!SessionParameters.isKnown(name)) {
      return Optional.empty();
    }
    int valueStart = nameEnd;
    if (statement.keyword(valueStart).equals("TO") || isEquals(statement, valueStart)) {
      valueStart++;
    } else {
      throw syntaxError("syntax error at or near \"" + (valueStart < statement.size() ? statement.token(valueStart).text() : "end of input") + "\"");
    }
    String value = valueList(statement, valueStart);
    return Optional.of(new SessionCommand.SetParameter(name, value.equalsIgnoreCase("default") && isSingleWord(statement, valueStart) ? null : value));
  }

  private static boolean isSingleWord(SqlStatement statement, int index) {
    return statement.size() == index + 1 && statement.token(index).type() == TokenType.WORD;
  }

  private static boolean isEquals(SqlStatement statement, int index) {
    return index < statement.size() && statement.token(index).type() == TokenType.PUNCTUATION && statement.token(index).text().equals("=");
  }

  /** The comma-separated values from {@code start}, each unquoted, joined with ", ". */
  private static String valueList(SqlStatement statement, int start) {
    if (start >= statement.size()) {
      throw syntaxErrorAt(statement, start);
    }
    List<String> values = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = start; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.isPunctuation(',')) {
        values.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(switch (token.type()) {
        case STRING, QUOTED_IDENTIFIER -> token.type() == TokenType.QUOTED_IDENTIFIER ? token.text() : token.value();
        default -> token.text();
      });
    }
    values.add(current.toString());
    return String.join(", ", values);
  }

  private static Optional<SessionCommand> parseShow(SqlStatement statement) {
    if (statement.keyword(1).equals("ALL") && statement.size() == 2) {
      return Optional.of(new SessionCommand.ShowParameter(null));
    }
    if (statement.keyword(1).equals("TIME") && statement.keyword(2).equals("ZONE")) {
      return Optional.of(new SessionCommand.ShowParameter("TimeZone"));
    }
    if (statement.keyword(1).equals("TRANSACTION") && statement.keyword(2).equals("ISOLATION")) {
      return Optional.of(new SessionCommand.ShowParameter("transaction_isolation"));
    }
    if (statement.size() < 2) {
      return Optional.empty();
    }
    String name = joinName(statement, 1);
    return SessionParameters.isKnown(name) ? Optional.of(new SessionCommand.ShowParameter(name)) : Optional.empty();
  }

  private static Optional<SessionCommand> parseDiscard(SqlStatement statement) {
    String what = statement.keyword(1).equals("TEMPORARY") ? "TEMP" : statement.keyword(1);
    if (statement.size() != 2 || !Set.of("ALL", "PLANS", "SEQUENCES", "TEMP").contains(what)) {
      throw syntaxError("DISCARD takes ALL, PLANS, SEQUENCES or TEMP");
    }
    return Optional.of(new SessionCommand.Discard(what));
  }

  private static Optional<SessionCommand> parseDeallocate(SqlStatement statement) {
    int i = statement.keyword(1).equals("PREPARE") ? 2 : 1;
    if (statement.keyword(i).equals("ALL")) {
      return Optional.of(new SessionCommand.Deallocate(null));
    }
    if (i >= statement.size()) {
      throw syntaxErrorAt(statement, i);
    }
    return Optional.of(new SessionCommand.Deallocate(statement.token(i).value()));
  }

  private static String joinName(SqlStatement statement, int from) {
    return joinName(statement, from, statement.size());
  }

  private static String joinName(SqlStatement statement, int from, int to) {
    StringBuilder name = new StringBuilder();
    for (int i = from; i < to; i++) {
      Token token = statement.token(i);
      name.append(token.type() == TokenType.PUNCTUATION ? token.text() : token.value());
    }
    return name.toString();
  }

  /**
   * COPY forms a client can stream through the protocol: {@code COPY (query) TO STDOUT}, {@code COPY
   * table [(cols)] TO STDOUT} and {@code COPY table [(cols)] FROM STDIN}, with the modern option list
   * or the legacy {@code WITH CSV HEADER ...} words. COPY to or from a file is left to DuckDB.
   */
  private static Optional<SessionCommand> parseCopy(SqlStatement statement) {
    int i = 1;
    String source;
    List<String> columns = new ArrayList<>();
    if (statement.size() > 1 && statement.token(1).isPunctuation('(')) {
      int close = matchingParen(statement, 1);
      source = statement.sql().substring(statement.token(1).start(), statement.token(close).end());
      i = close + 1;
    } else {
      int start = i;
      while (i < statement.size() && (statement.token(i).type() == TokenType.WORD || statement.token(i).type() == TokenType.QUOTED_IDENTIFIER || statement.token(i).isPunctuation('.'))
          && !statement.keyword(i).equals("TO") && !statement.keyword(i).equals("FROM")) {
        i++;
      }
      if (i == start) {
        throw syntaxError("COPY needs a table name or a query in parentheses");
      }
      source = statement.sql().substring(statement.token(start).start(), statement.token(i - 1).end());
      if (i < statement.size() && statement.token(i).isPunctuation('(')) {
        int close = matchingParen(statement, i);
        for (int c = i + 1; c < close; c++) {
          if (!statement.token(c).isPunctuation(',')) {
            columns.add(statement.token(c).text());
          }
        }
        i = close + 1;
      }
    }
    String direction = statement.keyword(i);
    String endpoint = statement.keyword(i + 1);
    boolean toClient = direction.equals("TO") && endpoint.equals("STDOUT");
    boolean fromClient = direction.equals("FROM") && endpoint.equals("STDIN");
    if (!toClient && !fromClient) {
      return Optional.empty();
    }
    Map<String, String> options = parseCopyOptions(statement, i + 2);
    if (fromClient && source.startsWith("(")) {
      throw syntaxError("COPY FROM STDIN needs a table, not a query");
    }
    return Optional.of(new SessionCommand.Copy(toClient, source, columns, options));
  }

  private static Map<String, String> parseCopyOptions(SqlStatement statement, int start) {
    Map<String, String> options = new LinkedHashMap<>();
    int i = start;
    if (statement.keyword(i).equals("WITH")) {
      i++;
    }
    if (i < statement.size() && statement.token(i).isPunctuation('(')) {
      int close = matchingParen(statement, i);
      int j = i + 1;
      while (j < close) {
        String name = statement.token(j).value().toLowerCase(Locale.ROOT);
        j++;
        StringBuilder value = new StringBuilder();
        while (j < close && !statement.token(j).isPunctuation(',')) {
          value.append(statement.token(j).value());
          j++;
        }
        j++;
        putOption(options, name, value.length() == 0 ? "true" : value.toString());
      }
      return options;
    }
    // Legacy syntax: WITH [BINARY] [CSV] [HEADER] [DELIMITER [AS] 'x'] [NULL [AS] 'y'] [QUOTE ...]
    while (i < statement.size()) {
      String word = statement.keyword(i);
      switch (word) {
        case "BINARY" -> putOption(options, "format", "binary");
        case "CSV" -> putOption(options, "format", "csv");
        case "HEADER" -> putOption(options, "header", "true");
        case "DELIMITER", "NULL", "QUOTE", "ESCAPE", "ENCODING" -> {
          if (statement.keyword(i + 1).equals("AS")) {
            i++;
          }
          i++;
          if (i >= statement.size()) {
            throw syntaxError("COPY option " + word + " needs a value");
          }
          putOption(options, word.toLowerCase(Locale.ROOT), statement.token(i).value());
        }
        case "FORCE" -> {
          while (i + 1 < statement.size() && !statement.keyword(i + 1).isEmpty() && !isLegacyOption(statement.keyword(i + 1))) {
            i++;
          }
        }
        default -> throw syntaxErrorAt(statement, i);
      }
      i++;
    }
    return options;
  }

  private static boolean isLegacyOption(String word) {
    return Set.of("BINARY", "CSV", "HEADER", "DELIMITER", "NULL", "QUOTE", "ESCAPE", "ENCODING", "FORCE").contains(word);
  }

  private static void putOption(Map<String, String> options, String name, String value) {
    if (!COPY_OPTIONS.contains(name)) {
      throw syntaxError("option \"" + name + "\" not recognized");
    }
    String normalized = name.equals("format") ? value.toLowerCase(Locale.ROOT) : value;
    if (name.equals("format") && !Set.of("text", "csv", "binary").contains(normalized)) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "COPY format \"" + value + "\" not recognized");
    }
    options.put(name, normalized);
  }

  private static int matchingParen(SqlStatement statement, int open) {
    int depth = 0;
    for (int i = open; i < statement.size(); i++) {
      if (statement.token(i).isPunctuation('(')) {
        depth++;
      } else if (statement.token(i).isPunctuation(')')) {
        depth--;
        if (depth == 0) {
          return i;
        }
      }
    }
    throw syntaxError("syntax error at end of input: unbalanced parentheses");
  }

  private static PlatformException syntaxError(String message) {
    return new PlatformException(SqlState.SYNTAX_ERROR, message);
  }

  /** PostgreSQL's "syntax error at or near "x"", or "at end of input" past the last token. */
  static PlatformException syntaxErrorAt(SqlStatement statement, int at) {
    return syntaxError(at < statement.size()
        ? "syntax error at or near \"" + statement.token(at).text() + "\""
        : "syntax error at end of input");
  }
}
