package io.analytics.gateway.auth;

import java.text.Normalizer;

/**
 * SASLprep (RFC 4013) of a password as PostgreSQL applies it: map non-ASCII spaces to a space, drop
 * characters "commonly mapped to nothing", normalize with NFKC; a password that then holds
 * prohibited characters is used as it was given, as PostgreSQL does.
 */
final class SaslPrep {
  private SaslPrep() {}

  static String prepare(String password) {
    boolean ascii = password.chars().allMatch(c -> c < 0x80);
    if (ascii) {
      return password;
    }
    StringBuilder mapped = new StringBuilder(password.length());
    for (int i = 0; i < password.length(); ) {
      int c = password.codePointAt(i);
      i += Character.charCount(c);
      if (isMappedToNothing(c)) {
        continue;
      }
      mapped.appendCodePoint(Character.getType(c) == Character.SPACE_SEPARATOR ? ' ' : c);
    }
    String normalized = Normalizer.normalize(mapped, Normalizer.Form.NFKC);
    for (int i = 0; i < normalized.length(); ) {
      int c = normalized.codePointAt(i);
      i += Character.charCount(c);
      if (isProhibited(c)) {
        return password;
      }
    }
    return normalized;
  }

  private static boolean isMappedToNothing(int c) {
    return c == 0x00AD || c == 0x034F || c == 0x1806 || (c >= 0x180B && c <= 0x180D) || (c >= 0x200B && c <= 0x200D)
        || c == 0x2060 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFEFF;
  }

  private static boolean isProhibited(int c) {
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.PRIVATE_USE || type == Character.SURROGATE
        || type == Character.UNASSIGNED || (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE
        || (c >= 0x2FF0 && c <= 0x2FFB) || (c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E)
        || (c >= 0x206A && c <= 0x206F);
  }
}
