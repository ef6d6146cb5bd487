package io.analytics.gateway.session;

/** The client closed its connection while the session was still sending to it. */
final class ClientGoneException extends RuntimeException {
  ClientGoneException() {
    super("client connection closed", null, false, false);
  }
}
