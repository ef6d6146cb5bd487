package io.analytics.engine.postgres.cdc;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.postgres.PgIdentifiers;
import io.analytics.engine.postgres.PostgresConnections;
import io.analytics.engine.postgres.SourceTable;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;
import org.postgresql.PGProperty;

/**
 * The source side of change capture: whether a source allows it, and the publication and logical
 * replication slot named after the source ({@code analytics_<source>}) that carry its changes.
 * Only tables with a primary key are published: publishing a table without a replica identity
 * would make PostgreSQL refuse its UPDATEs and DELETEs to the source's own applications.
 */
public final class ReplicationSlots {
  private final PostgresSourceConfig source;

  public ReplicationSlots(PostgresSourceConfig source) {
    this.source = requireNonNull(source, "source is null");
  }

  /** The slot's (and publication's) name. */
  public String slot() {
    return "analytics_" + source.name().toLowerCase(Locale.ROOT);
  }

  public String publication() {
    return slot();
  }

  /** Why the source cannot be followed by logical replication, or empty when it can. */
  public static Optional<String> whyNotSupported(Connection pg) throws SQLException {
    try (Statement statement = pg.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SHOW wal_level")) {
        rows.next();
        if (!rows.getString(1).equals("logical")) {
          return Optional.of("wal_level is " + rows.getString(1) + ", not logical");
        }
      }
      try (ResultSet rows = statement.executeQuery(
          "SELECT rolreplication OR rolsuper FROM pg_roles WHERE rolname = current_user")) {
        if (!rows.next() || !rows.getBoolean(1)) {
          return Optional.of("the role has no REPLICATION attribute");
        }
      }
    }
    return Optional.empty();
  }

  /** The tables change capture can carry: a primary key, and no array column (its text form is not DuckDB's). */
  public static List<SourceTable> capturable(List<SourceTable> tables) {
    return tables.stream()
        .filter(t -> !t.primaryKey().isEmpty())
        .filter(t -> t.columns().stream().noneMatch(c -> c.duckDbType().endsWith("]")))
        .toList();
  }

  /** Publishes exactly {@code tables} (replacing what the publication held). */
  void publish(Connection pg, List<SourceTable> tables) throws SQLException {
    try (Statement statement = pg.createStatement()) {
      statement.execute("DROP PUBLICATION IF EXISTS " + PgIdentifiers.quote(publication()));
      statement.execute("CREATE PUBLICATION " + PgIdentifiers.quote(publication()) + " FOR TABLE "
          + tables.stream().map(SourceTable::quotedName).collect(Collectors.joining(", "))
          + " WITH (publish_via_partition_root = true)");
    }
  }

  /** Whether the slot exists on the source. */
  public boolean slotExists(Connection pg) throws SQLException {
    try (PreparedStatement statement = pg.prepareStatement("SELECT 1 FROM pg_replication_slots WHERE slot_name = ?")) {
      statement.setString(1, slot());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next();
      }
    }
  }

  /** Bytes of WAL the source keeps for the slot (from what we confirmed to the source's current position). */
  public long lagBytes(Connection pg) throws SQLException {
    try (PreparedStatement statement = pg.prepareStatement("SELECT CAST(pg_wal_lsn_diff(pg_current_wal_lsn(),"
        + " confirmed_flush_lsn) AS bigint) FROM pg_replication_slots WHERE slot_name = ?")) {
      statement.setString(1, slot());
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Math.max(0, rows.getLong(1)) : 0;
      }
    }
  }

  /** Drops the slot (ending a walsender that holds it) and the publication; nothing when absent. */
  public void drop(Connection pg) throws SQLException {
    try (PreparedStatement terminate = pg.prepareStatement(
        "SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = ? AND active_pid IS NOT NULL")) {
      terminate.setString(1, slot());
      terminate.executeQuery().close();
    }
    for (int attempt = 0; ; attempt++) {
      try (PreparedStatement drop = pg.prepareStatement(
          "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
        drop.setString(1, slot());
        drop.executeQuery().close();
        break;
      } catch (SQLException e) {
        // 55006: the terminated walsender has not let go of the slot yet.
        if (!"55006".equals(e.getSQLState()) || attempt >= 50) {
          throw e;
        }
        sleep(100);
      }
    }
    try (Statement statement = pg.createStatement()) {
      statement.execute("DROP PUBLICATION IF EXISTS " + PgIdentifiers.quote(publication()));
    }
  }

  /** A replication-protocol connection ({@code replication=database}) to the source. */
  Connection openReplication() {
    Properties properties = new Properties();
    PGProperty.USER.set(properties, source.user());
    if (source.password() != null) {
      PGProperty.PASSWORD.set(properties, source.password());
    }
    PGProperty.REPLICATION.set(properties, "database");
    PGProperty.ASSUME_MIN_SERVER_VERSION.set(properties, "10");
    PGProperty.PREFER_QUERY_MODE.set(properties, "simple");
    PGProperty.CONNECT_TIMEOUT.set(properties, 5);
    PGProperty.TCP_KEEP_ALIVE.set(properties, true);
    PGProperty.APPLICATION_NAME.set(properties, "analytics-cdc");
    try {
      return DriverManager.getConnection(source.jdbcUrl(), properties);
    } catch (SQLException e) {
      throw PostgresConnections.translate(source, e, "cannot open a replication connection");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PlatformException(SqlState.QUERY_CANCELED, "interrupted while dropping a replication slot", e);
    }
  }
}
