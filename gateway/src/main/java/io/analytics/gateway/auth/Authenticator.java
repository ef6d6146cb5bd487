package io.analytics.gateway.auth;

/** One login's authentication exchange (temporary stand-in until SCRAM lands). */
public interface Authenticator {
  AuthStep start();

  AuthStep onPasswordMessage(byte[] body);
}
