package io.analytics.catalog.error;

import static java.util.Objects.requireNonNull;

/**
 * An error raised anywhere in the platform, carrying its SQLSTATE from the moment it is raised so
 * that the gateway can report it to a client unchanged.
 */
public class PlatformException extends RuntimeException {
  private final SqlState sqlState;
  private final String detail;
  private final String hint;
  private final int position;
  private final ErrorSubject subject;

  public PlatformException(SqlState sqlState, String message) {
    this(sqlState, message, null, null, 0, null);
  }

  public PlatformException(SqlState sqlState, String message, Throwable cause) {
    this(sqlState, message, null, null, 0, cause);
  }

  /**
   * @param position 1-based character position in the statement text, or 0 when unknown (as in
   *     PostgreSQL's ErrorResponse 'P' field)
   */
  public PlatformException(
      SqlState sqlState, String message, String detail, String hint, int position, Throwable cause) {
    this(sqlState, message, detail, hint, position, null, cause);
  }

  /** @param subject the object the error is about (PostgreSQL's schema, table, column, ... fields), or null */
  public PlatformException(
      SqlState sqlState, String message, String detail, String hint, int position, ErrorSubject subject, Throwable cause) {
    super(requireNonNull(message, "message is null"), cause);
    this.subject = subject;
    this.sqlState = requireNonNull(sqlState, "sqlState is null");
    this.detail = detail;
    this.hint = hint;
    this.position = position;
  }

  public SqlState sqlState() {
    return sqlState;
  }

  /** Secondary message, or null. */
  public String detail() {
    return detail;
  }

  /** Suggestion for the user, or null. */
  public String hint() {
    return hint;
  }

  /** The object the error is about, or null. */
  public ErrorSubject subject() {
    return subject;
  }

  /** 1-based position in the statement text, or 0 when unknown. */
  public int position() {
    return position;
  }
}
