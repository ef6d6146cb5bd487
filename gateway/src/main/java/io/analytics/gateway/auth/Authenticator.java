package io.analytics.gateway.auth;

/** One login's authentication exchange; each call may throw a 28P01 or 08P01 PlatformException. */
public interface Authenticator {
  /** The first step for this connection. */
  AuthStep start();

  /** The next step, given the body of the client's 'p' message. */
  AuthStep onPasswordMessage(byte[] body);
}
