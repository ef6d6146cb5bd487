package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.replica.ReplicaLease;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mirror_sync announcements the writer made, kept for an hour in the warehouse's {@value #TABLE},
 * so that read replicas, which never sync a source themselves, announce them when the published
 * snapshot that holds them reaches them: a row is written after the sync's (or the streamed
 * transaction's) own commit, so a snapshot that holds the row holds the mirror's new rows too.
 */
public final class MirrorSyncLog {
  /** The table in the warehouse (and so in every snapshot published for replicas). */
  public static final String TABLE = "platform.mirror_sync_log";
  private static final String SEQUENCE = "platform.mirror_sync_log_seq";
  private static final Logger LOG = LoggerFactory.getLogger(MirrorSyncLog.class);

  /** One announcement: its place in the log, the mirror ({@code source.table}) and its JSON payload. */
  public record Entry(long sequence, String mirror, String payload) {
    public Entry {
      requireNonNull(mirror, "mirror is null");
      requireNonNull(payload, "payload is null");
    }
  }

  /** How often the replicas' leases are looked at, at most. */
  private static final long LEASE_CHECK_MILLIS = 1_000;

  private final DuckDbDatabase database;
  private final PlatformHome home;
  private final long leaseTimeoutMillis;
  private boolean created;
  private volatile long leasesCheckedAt;
  private volatile boolean replicasRunning;

  /** @param database the warehouse the writer owns; {@code home} and the lease timeout say whether replicas run */
  public MirrorSyncLog(DuckDbDatabase database, PlatformHome home, long leaseTimeoutMillis) {
    this.database = requireNonNull(database, "database is null");
    this.home = requireNonNull(home, "home is null");
    this.leaseTimeoutMillis = leaseTimeoutMillis;
  }

  /** Whether a read replica runs on the home now (looked at once a second at most): streamed changes are logged for it. */
  boolean replicasRunning() {
    long now = System.currentTimeMillis();
    if (now - leasesCheckedAt >= LEASE_CHECK_MILLIS) {
      replicasRunning = !ReplicaLease.live(home, leaseTimeoutMillis).isEmpty();
      leasesCheckedAt = now;
    }
    return replicasRunning;
  }

  /**
   * Writes the announcements of one sync or streamed transaction and forgets those older than an
   * hour. Serialized here, so that the syncs' and change capture's threads never conflict in DuckDB.
   * A failure is logged: the writer's own sessions have been told already.
   */
  synchronized void append(List<Entry> entries) {
    try (Connection duck = database.connect(); Statement statement = duck.createStatement()) {
      if (!created) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS platform");
        statement.execute("CREATE SEQUENCE IF NOT EXISTS " + SEQUENCE);
        statement.execute("CREATE TABLE IF NOT EXISTS " + TABLE
            + " (seq BIGINT, mirror VARCHAR, payload VARCHAR, logged_at TIMESTAMPTZ)");
        created = true;
      }
      try (PreparedStatement insert = duck.prepareStatement(
          "INSERT INTO " + TABLE + " VALUES (nextval('" + SEQUENCE + "'), ?, ?, now())")) {
        for (Entry entry : entries) {
          insert.setString(1, entry.mirror());
          insert.setString(2, entry.payload());
          insert.execute();
        }
      }
      statement.execute("DELETE FROM " + TABLE + " WHERE logged_at < now() - INTERVAL 1 HOUR");
    } catch (SQLException | RuntimeException e) {
      LOG.warn("cannot log mirror sync announcements for read replicas: {}", e.getMessage());
    }
  }

  /**
   * The entries after {@code sequence} in the log as {@code catalog} (a replica's attached snapshot)
   * holds it, in order; none when the snapshot has no log (its writer never synced a source).
   */
  public static List<Entry> after(DuckDbDatabase database, String catalog, long sequence) {
    List<Entry> entries = new ArrayList<>();
    try (Connection duck = database.connect();
        PreparedStatement query = duck.prepareStatement(
            "SELECT seq, mirror, payload FROM " + catalog + "." + TABLE + " WHERE seq > ? ORDER BY seq")) {
      query.setLong(1, sequence);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          entries.add(new Entry(rows.getLong(1), rows.getString(2), rows.getString(3)));
        }
      }
    } catch (SQLException e) {
      return List.of(); // no log in this snapshot
    }
    return entries;
  }
}
