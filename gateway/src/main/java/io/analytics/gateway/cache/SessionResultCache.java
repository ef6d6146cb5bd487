package io.analytics.gateway.cache;

import static java.util.Objects.requireNonNull;

import io.netty.buffer.ByteBuf;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * One session's use of the {@link ResultCache}: the key of a statement (its text, the session's role
 * and user, and its settings but application_name), an answer from memory on a hit, and on a miss
 * the capture of the bytes the statement's result was sent as.
 */
public final class SessionResultCache {
  private static final java.util.regex.Pattern EXPLAIN =
      java.util.regex.Pattern.compile("\\s*EXPLAIN\\s+(ANALY[SZ]E\\b)?\\s*(\\([^)]*\\)\\s*)?", java.util.regex.Pattern.CASE_INSENSITIVE);

  private final ResultCache cache;
  private final UnaryOperator<String> parseTree;
  private final String role;
  private final String user;
  /** The settings the last key was made from, and their part of the key (the session keeps one map until a setting changes). */
  private Map<String, String> keyedSettings;
  private String settingsKey;

  /** @param parseTree DuckDB's parse tree of a text (the session's, shared and remembered per instance) */
  public SessionResultCache(ResultCache cache, UnaryOperator<String> parseTree, String role, String user) {
    this.cache = requireNonNull(cache, "cache is null");
    this.parseTree = requireNonNull(parseTree, "parseTree is null");
    this.role = requireNonNull(role, "role is null");
    this.user = requireNonNull(user, "user is null");
  }

  /**
   * The cache's view of one statement about to run; {@link CachedStatement#NONE} when its result may
   * not be cached (not a deterministic read of lake datasets, or inside a transaction block).
   */
  public CachedStatement statement(String sql, boolean inTransactionBlock, Supplier<Map<String, String>> settings) {
    return statement(sql, "", inTransactionBlock, settings);
  }

  /**
   * The cache's view of an extended-protocol Execute of a whole portal: the statement's text with its
   * parameter values and result formats (the answer is the DataRows and CommandComplete of exactly
   * those), kept apart from the simple protocol's answers (which begin with a RowDescription).
   */
  public CachedStatement portal(String sql, java.util.List<Object> parameters, short[] resultFormats, boolean inTransactionBlock,
      Supplier<Map<String, String>> settings) {
    String variant = PortalKey.of(parameters, resultFormats);
    return variant == null ? CachedStatement.NONE : statement(sql, variant, inTransactionBlock, settings);
  }

  private CachedStatement statement(String sql, String variant, boolean inTransactionBlock, Supplier<Map<String, String>> settings) {
    if (!cache.enabled() || inTransactionBlock || !sql.regionMatches(true, skipSpace(sql), "SELECT", 0, 6)
        && !sql.regionMatches(true, skipSpace(sql), "WITH", 0, 4)) {
      return CachedStatement.NONE;
    }
    Optional<Set<String>> datasets = cache.datasetsRead(sql, parseTree);
    if (datasets.isEmpty()) {
      return CachedStatement.NONE;
    }
    Map<String, String> versions = cache.versionsOf(datasets.get());
    if (versions == null) {
      return CachedStatement.NONE;
    }
    return new CachedStatement(cache, new ResultCache.Key(sql + variant, role, user, settingsKey(settings.get())), versions);
  }

  private String settingsKey(Map<String, String> settings) {
    if (settings != keyedSettings) {
      TreeMap<String, String> shaping = new TreeMap<>(settings);
      shaping.remove("application_name");
      settingsKey = shaping.toString();
      keyedSettings = settings;
    }
    return settingsKey;
  }

  /**
   * The line EXPLAIN adds about the cache for {@code explainSql} ({@code EXPLAIN [ (options) ]
   * statement}); none for EXPLAIN ANALYZE, which always runs the statement in DuckDB.
   */
  public java.util.List<String> explainLines(String explainSql, boolean inTransactionBlock, Supplier<Map<String, String>> settings) {
    java.util.regex.Matcher explain = EXPLAIN.matcher(explainSql);
    if (!cache.enabled() || !explain.lookingAt() || explain.group(1) != null) {
      return java.util.List.of();
    }
    String explained = explainSql.substring(explain.end());
    return java.util.List.of(statement(explained, inTransactionBlock, settings).explainLine());
  }

  private static int skipSpace(String sql) {
    int i = 0;
    while (i < sql.length() && (Character.isWhitespace(sql.charAt(i)) || sql.charAt(i) == '(')) {
      i++;
    }
    return i;
  }

  /** Whether {@code bytes} of a response hold only complete messages; returns the DataRows among them, or -1. */
  static long dataRows(byte[] bytes) {
    long rows = 0;
    int at = 0;
    while (at + 5 <= bytes.length) {
      if (bytes[at] == 'D') {
        rows++;
      }
      int length = ((bytes[at + 1] & 0xff) << 24) | ((bytes[at + 2] & 0xff) << 16) | ((bytes[at + 3] & 0xff) << 8) | (bytes[at + 4] & 0xff);
      at += 1 + length;
    }
    return at == bytes.length ? rows : -1;
  }

  /** Copies {@code buffer}'s bytes from {@code start} to its end. */
  static byte[] copy(ByteBuf buffer, int start) {
    byte[] bytes = new byte[buffer.writerIndex() - start];
    buffer.getBytes(start, bytes);
    return bytes;
  }
}
