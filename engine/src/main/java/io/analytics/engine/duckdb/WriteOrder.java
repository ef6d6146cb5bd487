package io.analytics.engine.duckdb;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The order in which transactions of one DuckDB instance write each table, in place of the row
 * locks DuckDB does not have. DuckDB's optimistic concurrency aborts the second of two transactions
 * that change the same row ("Conflict on update"); a transaction that takes a table's turn before
 * writing it, and keeps it until it ends, waits for the one before it instead, and as DuckDB takes
 * a transaction's snapshot at its first statement, a transaction whose first statement writes sees
 * what the one before it committed. Turns that would wait in a circle fail with 40P01, as
 * PostgreSQL's deadlock detection does.
 */
public final class WriteOrder {
  /** How often a waiting writer checks whether it was cancelled. */
  private static final long POLL_MILLIS = 100;

  private final Map<String, Writer> owners = new HashMap<>();

  /** One transaction's turns: each session has one, reused for its successive transactions. */
  public final class Writer {
    private final String name;
    private final Set<String> held = new HashSet<>();
    private String waitingFor;
    private volatile boolean cancelled;

    private Writer(String name) {
      this.name = requireNonNull(name, "name is null");
    }

    /**
     * Waits for the turn to write {@code table} (an unqualified, lower-case name) and keeps it until
     * {@link #releaseAll()}.
     *
     * @param timeoutMillis how long to wait at most (0: as long as it takes), then 55P03 as lock_timeout
     * @return whether another writer held the turn, so that this one had to wait for it
     */
    public boolean acquire(String table, long timeoutMillis) {
      requireNonNull(table, "table is null");
      long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000 : Long.MAX_VALUE;
      cancelled = false;
      boolean waited = false;
      synchronized (WriteOrder.this) {
        try {
          while (true) {
            Writer owner = owners.get(table);
            if (owner == null || owner == this) {
              owners.put(table, this);
              held.add(table);
              return waited;
            }
            waited = true;
            if (waitsFor(owner, this)) {
              throw new PlatformException(SqlState.DEADLOCK_DETECTED, "deadlock detected",
                  "Session " + name + " waits to write " + table + ", held by session " + owner.name
                      + ", which waits for a table this session is writing.",
                  "Retry the transaction; write tables in the same order in every transaction to avoid this.", 0, null);
            }
            waitingFor = table;
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
              throw new PlatformException(SqlState.LOCK_NOT_AVAILABLE, "canceling statement due to lock timeout");
            }
            WriteOrder.this.wait(Math.min(POLL_MILLIS, left));
            if (cancelled) {
              throw new PlatformException(SqlState.QUERY_CANCELED, "canceling statement due to user request");
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new PlatformException(SqlState.QUERY_CANCELED, "canceling statement: interrupted while waiting to write " + table, e);
        } finally {
          waitingFor = null;
        }
      }
    }

    /** Stops a wait in {@link #acquire} (from any thread): the statement fails with 57014. */
    public void cancelWait() {
      cancelled = true;
      synchronized (WriteOrder.this) {
        WriteOrder.this.notifyAll();
      }
    }

    /** The transaction ended: every table it held is free for the next writer. */
    public void releaseAll() {
      synchronized (WriteOrder.this) {
        if (held.isEmpty()) {
          return;
        }
        for (String table : held) {
          owners.remove(table, this);
        }
        held.clear();
        WriteOrder.this.notifyAll();
      }
    }
  }

  /** A new writer (one per session); {@code name} identifies it in deadlock reports. */
  public Writer writer(String name) {
    return new Writer(name);
  }

  /** Whether {@code from}, following what each writer waits for, reaches {@code target}. */
  private boolean waitsFor(Writer from, Writer target) {
    Writer current = from;
    for (int steps = 0; current != null && steps <= owners.size(); steps++) {
      if (current == target) {
        return true;
      }
      current = current.waitingFor == null ? null : owners.get(current.waitingFor);
    }
    return false;
  }
}
