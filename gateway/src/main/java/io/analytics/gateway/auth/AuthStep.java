package io.analytics.gateway.auth;

/** What the server sends next during authentication. */
public sealed interface AuthStep {
  /**
   * Send an Authentication message with this request code (3 cleartext, 5 MD5, 10 SASL, 11 SASL
   * continue) and payload, then wait for the client's next password message.
   */
  record Challenge(int code, byte[] payload) implements AuthStep {}

  /**
   * Authentication succeeded. For SCRAM, {@code finalMessage} is sent as AuthenticationSASLFinal
   * before AuthenticationOk; otherwise it is null.
   */
  record Success(byte[] finalMessage) implements AuthStep {}
}
