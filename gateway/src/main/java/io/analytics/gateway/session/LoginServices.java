package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.auth.AuthenticatorFactory;
import io.analytics.gateway.tls.ServerTls;

/** How a connection logs in: the authenticators (and their throttle), and TLS when configured (else null). */
public record LoginServices(AuthenticatorFactory authenticators, ServerTls tls) {
  public LoginServices {
    requireNonNull(authenticators, "authenticators is null");
  }
}
