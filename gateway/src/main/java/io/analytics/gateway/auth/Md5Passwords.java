package io.analytics.gateway.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PostgreSQL's MD5 password scheme: the stored form is {@code "md5" + md5hex(password + user)}, and
 * the client answers a 4-byte salt with {@code "md5" + md5hex(md5hex(password + user) + salt)}.
 */
public final class Md5Passwords {
  private Md5Passwords() {}

  /** The stored form for a user's password, as pg_authid keeps it. */
  public static String stored(String user, String password) {
    return "md5" + md5Hex(bytes(password + user));
  }

  /** What a client that knows the password sends back for this salt, given the stored form. */
  static String expectedResponse(String stored, byte[] salt) {
    byte[] inner = bytes(stored.substring(3));
    byte[] salted = new byte[inner.length + salt.length];
    System.arraycopy(inner, 0, salted, 0, inner.length);
    System.arraycopy(salt, 0, salted, inner.length, salt.length);
    return "md5" + md5Hex(salted);
  }

  private static String md5Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
