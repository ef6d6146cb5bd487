package io.analytics.gateway.activity;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each normalized statement has cost, per user, across the gateway's sessions: calls, execution
 * time (total, min, max, mean, standard deviation) and rows, as pg_stat_statements keeps them. Fed
 * from the audit of every statement (the fingerprint is the normalized text); reset by
 * pg_stat_statements_reset().
 */
public final class StatementStatistics {
  /** Entries kept at most; past this, new statements are not tracked until a reset (pg_stat_statements.max). */
  static final int MAX_ENTRIES = 5_000;

  private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

  private record Key(String user, String query) {}

  /** One statement's figures at one moment. */
  public record Snapshot(String user, String query, long queryId, long calls, double totalMillis, double minMillis,
      double maxMillis, double meanMillis, double stddevMillis, long rows) {}

  /** Running figures of one statement (Welford's method for the deviation). */
  private static final class Entry {
    private long calls;
    private double total;
    private double min = Double.MAX_VALUE;
    private double max;
    private double mean;
    private double squares;
    private long rows;

    synchronized void add(double millis, long rowCount) {
      calls++;
      total += millis;
      min = Math.min(min, millis);
      max = Math.max(max, millis);
      double delta = millis - mean;
      mean += delta / calls;
      squares += delta * (millis - mean);
      rows += rowCount;
    }

    synchronized Snapshot snapshot(Key key) {
      double stddev = calls > 1 ? Math.sqrt(squares / calls) : 0;
      return new Snapshot(key.user(), key.query(), queryId(key), calls, total, calls == 0 ? 0 : min, max, mean, stddev, rows);
    }
  }

  /** Counts one execution of {@code query} (a normalized statement) by {@code user}. */
  public void record(String user, String query, double millis, long rows) {
    requireNonNull(user, "user is null");
    requireNonNull(query, "query is null");
    Key key = new Key(user, query);
    Entry entry = entries.get(key);
    if (entry == null) {
      if (entries.size() >= MAX_ENTRIES) {
        return;
      }
      entry = entries.computeIfAbsent(key, k -> new Entry());
    }
    entry.add(millis, rows);
  }

  public List<Snapshot> snapshot() {
    List<Snapshot> snapshots = new ArrayList<>();
    entries.forEach((key, entry) -> snapshots.add(entry.snapshot(key)));
    return snapshots;
  }

  public void reset() {
    entries.clear();
  }

  /** A stable identifier of the normalized statement and user, as pg_stat_statements' queryid. */
  private static long queryId(Key key) {
    long hash = 1125899906842597L;
    for (char c : (key.user() + '\u0000' + key.query()).toCharArray()) {
      hash = 31 * hash + c;
    }
    return hash;
  }
}
