package io.analytics.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * The md5 method: a random 4-byte salt, answered with a salted double MD5. An unknown user, or one
 * whose only verifier is SCRAM, gets a salt too and then the same 28P01 as a wrong password.
 */
final class Md5Authenticator implements Authenticator {
  private final String user;
  private final String storedMd5;
  private final byte[] salt = new byte[4];
  private boolean challenged;

  Md5Authenticator(String user, String storedMd5, SecureRandom random) {
    this.user = user;
    this.storedMd5 = storedMd5;
    random.nextBytes(salt);
  }

  @Override
  public AuthStep start() {
    challenged = true;
    return new AuthStep.Challenge(5, salt.clone());
  }

  @Override
  public AuthStep onPasswordMessage(byte[] body) {
    if (!challenged) {
      throw AuthFailures.malformed("password sent before it was requested");
    }
    String response = PasswordMessages.cString(body);
    if (storedMd5 == null) {
      throw AuthFailures.failed(user);
    }
    byte[] expected = Md5Passwords.expectedResponse(storedMd5, salt).getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, response.getBytes(StandardCharsets.UTF_8))) {
      throw AuthFailures.failed(user);
    }
    return new AuthStep.Success(null);
  }
}
