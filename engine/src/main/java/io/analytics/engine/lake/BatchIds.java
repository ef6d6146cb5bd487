package io.analytics.engine.lake;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/** Batch ids ({@code 20240102T101500-3fa9c2e1b7d4}: commit time and content hash) and SHA-256 hashes. */
public final class BatchIds {
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private BatchIds() {}

  /** A batch id for content with hash {@code contentHash}. */
  public static String forContent(String contentHash) {
    return TIME.format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + contentHash.substring(0, 12);
  }

  /** A batch id for a batch known by a description rather than its content. */
  public static String next(String description) {
    return forContent(hash(description + "|" + System.nanoTime()));
  }

  public static String hash(String text) {
    return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  public static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "SHA-256 is not available", e);
    }
  }
}
