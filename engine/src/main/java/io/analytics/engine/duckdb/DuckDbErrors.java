package io.analytics.engine.duckdb;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where DuckDB's exceptions become PostgreSQL errors. DuckDB's JDBC driver reports no
 * SQLSTATE, only a message of the form {@code "<Class> Error: <text>\n\nLINE n: <snippet>\n
 * ^^^"}, so the error class and a few well-known texts decide the code, and the caret decides the
 * position.
 */
public final class DuckDbErrors {
  private static final Pattern ERROR_CLASS = Pattern.compile("^([A-Za-z ]+?) Error: ", Pattern.DOTALL);
  /**
   * An error raised by one of the gateway's Java functions inside DuckDB (DuckDB reports the Java
   * exception's class and message) or by a session macro's error() call: the message starts with
   * the SQLSTATE in brackets.
   */
  private static final Pattern JAVA_FUNCTION_ERROR = Pattern.compile("^[A-Za-z ]+ Error: (?:[\\w.$]+: )?\\[([0-9A-Z]{5})\\] ([^\\n]*)");
  /**
   * A CHECK constraint whose expression raised the error itself with error('[SQLSTATE] message'), as the
   * gateway's length checks of char(n) and varchar(n) columns do: PostgreSQL's error, not a check violation.
   */
  private static final Pattern RAISED_IN_CHECK = Pattern.compile("^Constraint Error: CHECK constraint failed.*\\(Error: \\[([0-9A-Z]{5})\\] ([^\\n]*)\\)",
      Pattern.DOTALL);
  private static final Pattern LINE_MARKER = Pattern.compile("\\nLINE (\\d+): (.*)\\n( *)\\^");

  private record Rule(String errorClass, String fragment, SqlState state) {}

  /** First match wins: specific texts before whole error classes. */
  private static final List<Rule> RULES =
      List.of(
          new Rule("catalog", "table with name", SqlState.UNDEFINED_TABLE),
          new Rule("catalog", "view with name", SqlState.UNDEFINED_TABLE),
          new Rule("catalog", "function with name", SqlState.UNDEFINED_FUNCTION),
          new Rule("catalog", "macro function with name", SqlState.UNDEFINED_FUNCTION),
          new Rule("catalog", "schema with name", SqlState.UNDEFINED_SCHEMA),
          new Rule("catalog", "already exists", SqlState.DUPLICATE_TABLE),
          new Rule("catalog", "type with name", SqlState.UNDEFINED_OBJECT),
          new Rule("catalog", "", SqlState.UNDEFINED_OBJECT),
          new Rule("binder", "referenced column", SqlState.UNDEFINED_COLUMN),
          new Rule("binder", "column with name", SqlState.UNDEFINED_COLUMN),
          new Rule("binder", "not found in from clause", SqlState.UNDEFINED_COLUMN),
          new Rule("binder", "no function matches", SqlState.UNDEFINED_FUNCTION),
          new Rule("binder", "ambiguous reference", SqlState.AMBIGUOUS_COLUMN),
          new Rule("binder", "must appear in the group by", SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION),
          new Rule("binder", "cannot compare values", SqlState.DATATYPE_MISMATCH),
          new Rule("binder", "parameter", SqlState.INVALID_PARAMETER_REFERENCE),
          new Rule("binder", "", SqlState.SYNTAX_ERROR_OR_ACCESS_RULE_VIOLATION),
          new Rule("parser", "", SqlState.SYNTAX_ERROR),
          new Rule("syntax", "", SqlState.SYNTAX_ERROR),
          new Rule("conversion", "field value out of range", SqlState.DATETIME_FIELD_OVERFLOW),
          new Rule("conversion", "out of range", SqlState.NUMERIC_VALUE_OUT_OF_RANGE),
          new Rule("conversion", "date", SqlState.INVALID_DATETIME_FORMAT),
          new Rule("conversion", "timestamp", SqlState.INVALID_DATETIME_FORMAT),
          new Rule("conversion", "", SqlState.INVALID_TEXT_REPRESENTATION),
          new Rule("invalid input", "division by zero", SqlState.DIVISION_BY_ZERO),
          // A read replica's snapshot is attached READ_ONLY: DuckDB's refusal is PostgreSQL's hot standby's.
          new Rule("invalid input", "attached in read-only mode", SqlState.READ_ONLY_SQL_TRANSACTION),
          // What a gateway macro refuses because DuckDB cannot answer it exactly (error() in PgAggregateMacros).
          new Rule("invalid input", "is not supported by the gateway", SqlState.FEATURE_NOT_SUPPORTED),
          // A computed value stored into numeric without precision that DECIMAL(38,10) would round (UnconstrainedNumericExpressions).
          new Rule("invalid input", "numeric without a precision holds", SqlState.NUMERIC_VALUE_OUT_OF_RANGE),
          // A serving instance's lock_configuration: an engine-wide setting no client may change (PostgreSQL's
          // "permission denied to set parameter").
          new Rule("invalid input", "the configuration has been locked", SqlState.INSUFFICIENT_PRIVILEGE),
          new Rule("invalid input", "", SqlState.INVALID_TEXT_REPRESENTATION),
          new Rule("out of range", "division by zero", SqlState.DIVISION_BY_ZERO),
          // DuckDB's sqrt and ln/log say what PostgreSQL says, under its own class: PostgreSQL's codes for them.
          new Rule("out of range", "cannot take square root of a negative number", SqlState.INVALID_ARGUMENT_FOR_POWER_FUNCTION),
          new Rule("out of range", "cannot take logarithm of", SqlState.INVALID_ARGUMENT_FOR_LOGARITHM),
          new Rule("out of range", "", SqlState.NUMERIC_VALUE_OUT_OF_RANGE),
          new Rule("constraint", "duplicate key", SqlState.UNIQUE_VIOLATION),
          new Rule("constraint", "primary key", SqlState.UNIQUE_VIOLATION),
          new Rule("constraint", "unique", SqlState.UNIQUE_VIOLATION),
          new Rule("constraint", "not null", SqlState.NOT_NULL_VIOLATION),
          new Rule("constraint", "check constraint", SqlState.CHECK_VIOLATION),
          new Rule("constraint", "foreign key", SqlState.FOREIGN_KEY_VIOLATION),
          new Rule("constraint", "", SqlState.INTEGRITY_CONSTRAINT_VIOLATION),
          new Rule("interrupt", "", SqlState.QUERY_CANCELED),
          new Rule("out of memory", "", SqlState.OUT_OF_MEMORY),
          new Rule("io", "no files found", SqlState.UNDEFINED_FILE),
          new Rule("io", "", SqlState.IO_ERROR),
          new Rule("http", "", SqlState.IO_ERROR),
          new Rule("transactioncontext", "conflict", SqlState.SERIALIZATION_FAILURE),
          // A transaction the gateway began READ ONLY (BEGIN READ ONLY, default_transaction_read_only).
          new Rule("transactioncontext", "read-only mode", SqlState.READ_ONLY_SQL_TRANSACTION),
          new Rule("transactioncontext", "within a transaction", SqlState.ACTIVE_SQL_TRANSACTION),
          new Rule("transactioncontext", "no transaction", SqlState.NO_ACTIVE_SQL_TRANSACTION),
          new Rule("transactioncontext", "", SqlState.INVALID_TRANSACTION_STATE),
          new Rule("transaction", "", SqlState.SERIALIZATION_FAILURE),
          new Rule("not implemented", "", SqlState.FEATURE_NOT_SUPPORTED),
          new Rule("permission", "", SqlState.INSUFFICIENT_PRIVILEGE),
          new Rule("dependency", "", SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE),
          new Rule("sequence", "", SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE),
          new Rule("invalid type", "", SqlState.DATATYPE_MISMATCH),
          new Rule("mismatch type", "", SqlState.DATATYPE_MISMATCH),
          new Rule("", "interrupted", SqlState.QUERY_CANCELED));

  private DuckDbErrors() {}

  /** Translates a DuckDB exception raised while running {@code sql}. */
  public static PlatformException translate(SQLException e, String sql) {
    String raw = e.getMessage() == null ? e.toString() : e.getMessage();
    return translate(raw, sql, e);
  }

  /** Translates a DuckDB error message (as surfaced by Arrow streams, which lose the exception). */
  public static PlatformException translate(String raw, String sql, Throwable cause) {
    Matcher javaFunction = JAVA_FUNCTION_ERROR.matcher(raw);
    if (javaFunction.find()) {
      return new PlatformException(stateOfCode(javaFunction.group(1)), javaFunction.group(2), null, null, 0, cause);
    }
    Matcher raisedInCheck = RAISED_IN_CHECK.matcher(raw);
    if (raisedInCheck.find()) {
      return new PlatformException(stateOfCode(raisedInCheck.group(1)), raisedInCheck.group(2), null, null, 0, cause);
    }
    Matcher classMatcher = ERROR_CLASS.matcher(raw);
    String errorClass = "";
    String body = raw;
    if (classMatcher.find()) {
      errorClass = classMatcher.group(1).trim().toLowerCase(Locale.ROOT);
      body = raw.substring(classMatcher.end());
    }
    int position = sql == null ? 0 : position(raw, sql);
    String hint = null;
    int lineMarker = body.indexOf("\n\nLINE ");
    if (lineMarker >= 0) {
      body = body.substring(0, lineMarker);
    }
    int didYouMean = body.indexOf("\nDid you mean");
    if (didYouMean >= 0) {
      hint = body.substring(didYouMean + 1).trim();
      body = body.substring(0, didYouMean);
    }
    String detail = null;
    int newline = body.indexOf('\n');
    if (newline >= 0) {
      detail = body.substring(newline + 1).trim();
      if (detail.isEmpty()) {
        detail = null;
      }
      body = body.substring(0, newline);
    }
    String message = body.trim();
    if (message.endsWith("!")) {
      message = message.substring(0, message.length() - 1);
    }
    SqlState state = stateFor(errorClass, raw);
    if (state == SqlState.OUT_OF_MEMORY) {
      return outOfMemory(message, cause);
    }
    if (state == SqlState.DIVISION_BY_ZERO) {
      // DuckDB's text suggests TRY() and an engine-wide SET; PostgreSQL's is all a client needs.
      message = "division by zero";
    }
    if (state == SqlState.SERIALIZATION_FAILURE) {
      return serializationFailure(message, cause);
    }
    if (state == SqlState.NUMERIC_VALUE_OUT_OF_RANGE) {
      message = IntegerOverflow.inPostgresWords(message);
    }
    return new PlatformException(state, message, detail, hint, position, cause);
  }

  /** A write-write conflict, in PostgreSQL's words, with what DuckDB said and what a client should do. */
  private static PlatformException serializationFailure(String message, Throwable cause) {
    return new PlatformException(SqlState.SERIALIZATION_FAILURE,
        "could not serialize access due to concurrent update",
        "DuckDB: " + message + ". Another transaction changed the same rows after this transaction's snapshot was taken.",
        "Retry the transaction. Transactions that write before they read wait for each other's turn per table "
            + "instead of conflicting.", 0, cause);
  }

  /**
   * DuckDB's "possible solutions" (SET threads, SET memory_limit) are engine-wide settings a client
   * may not change here, so they are replaced by what the limit is and what a client can do.
   */
  private static PlatformException outOfMemory(String message, Throwable cause) {
    return new PlatformException(SqlState.OUT_OF_MEMORY,
        "out of memory: the query needs more than DuckDB's memory_limit allows: " + message,
        null,
        "The limit covers the gateway's whole DuckDB instance (duckdb.memoryLimit, or gateway.limits.queryMemory "
            + "times gateway.limits.maxConcurrentQueries) and is shared by the statements running now. "
            + "Retry when fewer run, or make the query hold less (fewer groups, narrower rows, a LIMIT).",
        0,
        cause);
  }

  private static SqlState stateOfCode(String code) {
    for (SqlState state : SqlState.values()) {
      if (state.code().equals(code)) {
        return state;
      }
    }
    return SqlState.DATA_EXCEPTION;
  }

  static SqlState stateFor(String errorClass, String raw) {
    String lower = raw.toLowerCase(Locale.ROOT);
    for (Rule rule : RULES) {
      if ((rule.errorClass().isEmpty() || rule.errorClass().equals(errorClass))
          && lower.contains(rule.fragment())) {
        return rule.state();
      }
    }
    return SqlState.INTERNAL_ERROR;
  }

  /**
   * The 1-based character position the caret points at, found by locating DuckDB's echoed line
   * snippet in the original statement (DuckDB may shorten long lines with "...").
   */
  static int position(String raw, String sql) {
    Matcher marker = LINE_MARKER.matcher(raw);
    if (!marker.find()) {
      return 0;
    }
    int lineNumber = Integer.parseInt(marker.group(1));
    String snippet = marker.group(2);
    int caretColumn = marker.group(3).length() - ("LINE " + lineNumber + ": ").length();
    String[] lines = sql.split("\n", -1);
    if (lineNumber < 1 || lineNumber > lines.length || caretColumn < 0) {
      return 0;
    }
    int lineStart = 0;
    for (int i = 0; i < lineNumber - 1; i++) {
      lineStart += lines[i].length() + 1;
    }
    String line = lines[lineNumber - 1];
    int snippetOffset = 0;
    String probe = snippet;
    if (probe.startsWith("...")) {
      probe = probe.substring(3);
      caretColumn -= 3;
      String head = probe.length() > 20 ? probe.substring(0, 20) : probe;
      snippetOffset = Math.max(0, line.indexOf(head));
    }
    int offsetInLine = snippetOffset + caretColumn;
    if (offsetInLine < 0 || offsetInLine > line.length()) {
      return 0;
    }
    return sql.codePointCount(0, lineStart + offsetInLine) + 1;
  }
}
