package io.analytics.gateway.session;

/** Something a CancelRequest or a shutdown can interrupt: a live client session. */
public interface CancelTarget {
  /** Cancels the running statement, if any, as if the client had pressed Ctrl-C. */
  void cancelRunningStatement();

  /** Ends the session with 57P01 after its running statement (if any) is stopped. */
  void terminate();
}
