package io.analytics.engine.postgres;

/** Hears how far one source's sync has got, to show a percentage and the time left. */
@FunctionalInterface
public interface SyncProgress {
  /** Hears nothing. */
  SyncProgress NONE = (rows, estimatedRows) -> {};

  /**
   * @param rows rows the sync has read from the source so far (a table it finished counts as its estimate)
   * @param estimatedRows the source's estimate of all the rows this sync reads (PostgreSQL's
   *     reltuples, or count(*) for a table never analyzed); 0 when unknown
   */
  void rowsRead(long rows, long estimatedRows);
}
