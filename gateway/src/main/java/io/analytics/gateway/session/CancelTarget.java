package io.analytics.gateway.session;

/** Something a CancelRequest or a shutdown can interrupt: a live client session. */
public interface CancelTarget {
  /** Cancels the running statement, if any, as if the client had pressed Ctrl-C. */
  void cancelRunningStatement();

  /** Ends the session with FATAL 57P01, stopping its running statement (if any) first. */
  void terminate();

  /** Whether the session is executing a message now (as opposed to waiting for the client). */
  boolean isBusy();

  /** The login that owns the session. */
  default String owner() {
    return "";
  }

  /** What pg_stat_activity shows of the session now, or null for targets that are not sessions. */
  default io.analytics.gateway.activity.SessionActivity activity() {
    return null;
  }
}
