package io.analytics.gateway.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The readings of recent parse trees, by the tree's text, shared by all sessions (a reading depends
 * on the tree alone). Bounded by the characters of the trees it holds; the least recently used go
 * first, and very large trees are read every time rather than crowd out the rest.
 */
final class RecentReadings {
  private static final int MAX_TREE_CHARS = 64 * 1024;
  private static final long MAX_CHARS = 8L * 1024 * 1024;

  private final LinkedHashMap<String, ParseTreeReader> readings = new LinkedHashMap<>(256, 0.75f, true);
  private long chars;

  /** The reading of {@code tree}: remembered, or made by {@code read} and remembered (unless null). */
  ParseTreeReader get(String tree, Function<String, ParseTreeReader> read) {
    if (tree.length() > MAX_TREE_CHARS) {
      return read.apply(tree);
    }
    synchronized (this) {
      ParseTreeReader known = readings.get(tree);
      if (known != null) {
        return known;
      }
    }
    ParseTreeReader reading = read.apply(tree);
    if (reading == null) {
      return null;
    }
    synchronized (this) {
      if (readings.put(tree, reading) == null) {
        chars += tree.length();
      }
      var eldest = readings.entrySet().iterator();
      while (chars > MAX_CHARS && eldest.hasNext()) {
        Map.Entry<String, ParseTreeReader> entry = eldest.next();
        chars -= entry.getKey().length();
        eldest.remove();
      }
    }
    return reading;
  }
}
