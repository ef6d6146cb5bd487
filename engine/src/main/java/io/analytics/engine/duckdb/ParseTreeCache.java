package io.analytics.engine.duckdb;

import static java.util.Objects.requireNonNull;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * DuckDB's parse trees ({@code json_serialize_sql}) of recent statement texts, shared by the sessions
 * of one DuckDB instance. A parse tree depends on the text alone (no catalog, no session state), so a
 * text seen before needs no second round trip through DuckDB: without this, naming the columns of
 * {@code SELECT 1} cost a prepare and an execute of a second statement, more than the statement itself.
 * Bounded by the characters it holds (texts and trees); the least recently used go first.
 */
public final class ParseTreeCache {
  /** Texts longer than this are serialized every time: they are rarely repeated and would crowd out the rest. */
  private static final int MAX_TEXT_CHARS = 16 * 1024;

  private final long maxChars;
  private final LinkedHashMap<String, String> trees = new LinkedHashMap<>(256, 0.75f, true);
  private long chars;

  public ParseTreeCache(long maxChars) {
    this.maxChars = maxChars;
  }

  /** The parse tree of {@code sql}: remembered, or computed by {@code serialize} and remembered. */
  public String get(String sql, UnaryOperator<String> serialize) {
    requireNonNull(sql, "sql is null");
    if (sql.length() > MAX_TEXT_CHARS) {
      return serialize.apply(sql);
    }
    synchronized (this) {
      String tree = trees.get(sql);
      if (tree != null) {
        return tree;
      }
    }
    // Serialized outside the lock: DuckDB's work must not serialize the sessions on each other.
    String tree = serialize.apply(sql);
    synchronized (this) {
      if (trees.put(sql, tree) == null) {
        chars += sql.length() + tree.length();
      }
      evict();
    }
    return tree;
  }

  private void evict() {
    var eldest = trees.entrySet().iterator();
    while (chars > maxChars && eldest.hasNext()) {
      Map.Entry<String, String> entry = eldest.next();
      chars -= entry.getKey().length() + entry.getValue().length();
      eldest.remove();
    }
  }
}
