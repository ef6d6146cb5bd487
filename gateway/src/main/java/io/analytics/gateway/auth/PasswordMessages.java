package io.analytics.gateway.auth;

import java.nio.charset.StandardCharsets;

/** Reads the null-terminated string a PasswordMessage carries for the md5 and cleartext methods. */
final class PasswordMessages {
  private PasswordMessages() {}

  static String cString(byte[] body) {
    int end = 0;
    while (end < body.length && body[end] != 0) {
      end++;
    }
    if (end != body.length - 1) {
      throw AuthFailures.malformed("password must be one null-terminated string");
    }
    return new String(body, 0, end, StandardCharsets.UTF_8);
  }
}
