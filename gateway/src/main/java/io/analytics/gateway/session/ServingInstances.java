package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.DuckDbDatabase;
import org.apache.arrow.memory.BufferAllocator;

/**
 * Where sessions' SQL runs: the DuckDB instance, the gold tier for role app (null
 * when there is none), the Arrow allocator results are counted in, whether this gateway is a read
 * replica (its sessions may not write, 25006), how a session's search_path reaches the catalogs, and
 * the tier read-only roles run on (null where they share {@code database}: a replica, whose instance
 * is read-only already).
 */
public record ServingInstances(
    DuckDbDatabase database,
    SessionTier goldTier,
    BufferAllocator allocator,
    boolean replica,
    SearchPathRouting searchPathRouting,
    SessionTier readerTier) {
  public ServingInstances {
    requireNonNull(database, "database is null");
    requireNonNull(allocator, "allocator is null");
    requireNonNull(searchPathRouting, "searchPathRouting is null");
  }
}
