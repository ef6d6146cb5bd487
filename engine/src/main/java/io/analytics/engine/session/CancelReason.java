package io.analytics.engine.session;

/** Why a running statement was stopped; each has PostgreSQL's message. */
public enum CancelReason {
  USER_REQUEST("canceling statement due to user request"),
  STATEMENT_TIMEOUT("canceling statement due to statement timeout"),
  CLIENT_GONE("canceling statement because the client disconnected"),
  SHUTDOWN("terminating connection due to administrator command");

  private final String message;

  CancelReason(String message) {
    this.message = message;
  }

  public String message() {
    return message;
  }
}
