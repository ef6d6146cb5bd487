package io.analytics.engine.postgres.cdc;

/**
 * Points in a change stream where tests stop the world (a crash between DuckDB's commit and the
 * confirmation to the source, say). Production uses {@link #NONE}.
 */
public interface StreamHooks {
  StreamHooks NONE = lsn -> {};

  /** A source transaction ending at {@code lsn} is committed in DuckDB and not yet confirmed to the source. */
  void committed(long lsn);
}
