package io.analytics.gateway.auth;

/** What the server sends next during authentication (temporary stand-in until SCRAM lands). */
public sealed interface AuthStep {
  record Challenge(int code, byte[] payload) implements AuthStep {}

  record Success(byte[] finalMessage) implements AuthStep {}
}
