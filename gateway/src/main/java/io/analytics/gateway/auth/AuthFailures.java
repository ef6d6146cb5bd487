package io.analytics.gateway.auth;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;

/** The errors authentication raises; one message for a wrong password and an unknown user alike. */
final class AuthFailures {
  private AuthFailures() {}

  static PlatformException failed(String user) {
    return new PlatformException(SqlState.INVALID_PASSWORD, "password authentication failed for user \"" + user + "\"");
  }

  static PlatformException malformed(String what) {
    return new PlatformException(SqlState.PROTOCOL_VIOLATION, "malformed authentication message: " + what);
  }
}
