package io.analytics.gateway.auth;

import io.analytics.catalog.config.UserConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The password method: the client sends the password itself, checked against the stored verifier. */
final class CleartextAuthenticator implements Authenticator {
  private final String user;
  private final UserConfig account;
  private boolean challenged;

  /** {@code account} is null for an unknown user, who still gets asked and then refused. */
  CleartextAuthenticator(String user, UserConfig account) {
    this.user = user;
    this.account = account;
  }

  @Override
  public AuthStep start() {
    challenged = true;
    return new AuthStep.Challenge(3, new byte[0]);
  }

  @Override
  public AuthStep onPasswordMessage(byte[] body) {
    if (!challenged) {
      throw AuthFailures.malformed("password sent before it was requested");
    }
    String password = PasswordMessages.cString(body);
    if (account == null || !matches(password)) {
      throw AuthFailures.failed(user);
    }
    return new AuthStep.Success(null);
  }

  private boolean matches(String password) {
    if (account.scramSha256() != null) {
      return ScramVerifier.parse(account.scramSha256()).matches(password);
    }
    byte[] expected = account.md5().getBytes(StandardCharsets.US_ASCII);
    byte[] actual = Md5Passwords.stored(user, password).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, actual);
  }
}
