package io.analytics.gateway.auth;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.net.InetAddress;
import java.security.SecureRandom;

/** Picks how a login authenticates (temporary stand-in: trust for loopback only). */
public final class AuthenticatorFactory {
  private final PlatformConfig config;

  public AuthenticatorFactory(PlatformConfig config, SecureRandom random) {
    this.config = config;
  }

  public Authenticator forLogin(String user, InetAddress clientAddress) {
    if (config.hasUsers() || !clientAddress.isLoopbackAddress()) {
      throw new PlatformException(SqlState.INVALID_AUTHORIZATION_SPECIFICATION, "password authentication is not available yet");
    }
    return new Authenticator() {
      @Override
      public AuthStep start() {
        return new AuthStep.Success(null);
      }

      @Override
      public AuthStep onPasswordMessage(byte[] body) {
        throw new PlatformException(SqlState.PROTOCOL_VIOLATION, "unexpected password message");
      }
    };
  }
}
