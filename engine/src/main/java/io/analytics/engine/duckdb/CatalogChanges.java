package io.analytics.engine.duckdb;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of the changes that may have altered what a statement binds to on one DuckDB instance:
 * DDL, SET, ATTACH, transaction ends, view refreshes. Sessions keep DuckDB's prepared statements only
 * while it stands still (see PlanCache), so a kept plan never describes a table or view as it was.
 */
public final class CatalogChanges {
  private final AtomicLong version = new AtomicLong();

  /** The version now; compare with a later one to learn whether anything changed in between. */
  public long version() {
    return version.get();
  }

  /** Something ran that may have changed the catalog or how names resolve. */
  public void changed() {
    version.incrementAndGet();
  }
}
