package io.analytics.engine.postgres.cdc;

import io.analytics.engine.postgres.SourceSyncResult;

/**
 * Told of each source transaction that change capture committed to the mirrors, as a sync's result
 * whose tables are the mirrors it changed (method {@code cdc}, rows read = the changes applied), so
 * that the gateway announces streamed mirrors on mirror_sync as it announces synced ones.
 */
public interface ChangeCaptureListener {
  ChangeCaptureListener NONE = new ChangeCaptureListener() {
    @Override
    public boolean listening() {
      return false;
    }

    @Override
    public void committed(SourceSyncResult transaction) {}
  };

  /** Whether anyone listens now: telling costs a count of each changed mirror's rows, skipped when not. */
  boolean listening();

  /** A source transaction is committed in DuckDB (called on the change capture's thread). */
  void committed(SourceSyncResult transaction);
}
