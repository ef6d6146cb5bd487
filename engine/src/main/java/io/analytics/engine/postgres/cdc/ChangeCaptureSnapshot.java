package io.analytics.engine.postgres.cdc;

import static io.analytics.engine.postgres.PgIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.postgres.CopyLoader;
import io.analytics.engine.postgres.PostgresConnections;
import io.analytics.engine.postgres.SourceTable;
import io.analytics.engine.postgres.SyncStateTables;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.replication.LogSequenceNumber;

/**
 * The initial copy of change capture: creates the slot with an exported snapshot, copies every
 * published table as of that snapshot, and records the slot's consistent point with the copies, all
 * in one DuckDB transaction. The stream then starts exactly after the copy: nothing missed, nothing
 * twice. A failure anywhere leaves the mirrors as they were.
 */
final class ChangeCaptureSnapshot {
  private final PostgresSourceConfig source;
  private final ReplicationSlots slots;

  ChangeCaptureSnapshot(PostgresSourceConfig source, ReplicationSlots slots) {
    this.source = requireNonNull(source, "source is null");
    this.slots = requireNonNull(slots, "slots is null");
  }

  /** Copies {@code tables} into the mirrors; returns the LSN the stream starts at. */
  long take(Connection duck, Connection pg, List<SourceTable> tables) {
    try {
      slots.drop(pg);
      slots.publish(pg, tables);
      try (Connection replication = slots.openReplication()) {
        String[] created = createSlot(replication);
        long lsn = LogSequenceNumber.valueOf(created[0]).asLong();
        copyAt(duck, pg, created[1], tables, lsn);
        return lsn;
      }
    } catch (SQLException e) {
      throw PostgresConnections.translate(source, e, "cannot start change capture");
    }
  }

  /** {@code CREATE_REPLICATION_SLOT ... EXPORT_SNAPSHOT}: the consistent point and the snapshot's name. */
  private String[] createSlot(Connection replication) throws SQLException {
    try (Statement statement = replication.createStatement();
        ResultSet rows = statement.executeQuery(
            "CREATE_REPLICATION_SLOT " + quote(slots.slot()) + " LOGICAL pgoutput EXPORT_SNAPSHOT")) {
      rows.next();
      return new String[] {rows.getString("consistent_point"), rows.getString("snapshot_name")};
    }
  }

  private void copyAt(Connection duck, Connection pg, String snapshot, List<SourceTable> tables, long lsn)
      throws SQLException {
    boolean autoCommit = pg.getAutoCommit();
    pg.setAutoCommit(false);
    boolean inTransaction = false;
    try (Statement statement = pg.createStatement()) {
      statement.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
      statement.execute("SET TRANSACTION SNAPSHOT '" + snapshot.replace("'", "''") + "'");
      org.duckdb.DuckDBConnection duckdb = duck.unwrap(org.duckdb.DuckDBConnection.class);
      SyncStateTables.run(duck, "CREATE SCHEMA IF NOT EXISTS " + quote(source.name()));
      SyncStateTables.run(duck, "BEGIN TRANSACTION");
      inTransaction = true;
      for (SourceTable table : tables) {
        long start = System.nanoTime();
        String staging = quote(source.name()) + "." + quote("__sync_" + table.mirrorName());
        String mirror = quote(source.name()) + "." + quote(table.mirrorName());
        SyncStateTables.run(duck, "DROP TABLE IF EXISTS " + staging);
        CopyLoader loader = new CopyLoader(source, table, duckdb, pg);
        loader.load(loader.copySql(""), "CREATE TABLE " + staging);
        SyncStateTables.run(duck, "DROP TABLE IF EXISTS " + mirror);
        SyncStateTables.run(duck, "ALTER TABLE " + staging + " RENAME TO " + quote(table.mirrorName()));
        SyncStateTables.recordSynced(duck, source.name(), table, "cdc", null, (System.nanoTime() - start) / 1_000_000);
      }
      ChangeCaptureState.recordSnapshot(duck, source.name(), slots.slot(), slots.publication(), lsn);
      SyncStateTables.run(duck, "COMMIT");
      inTransaction = false;
      pg.commit();
    } finally {
      if (inTransaction) {
        SyncStateTables.run(duck, "ROLLBACK");
      }
      try {
        pg.rollback();
        pg.setAutoCommit(autoCommit);
      } catch (SQLException e) {
        // The connection broke (the error that did it is already on its way up); it is closed by its owner.
      }
    }
  }
}
