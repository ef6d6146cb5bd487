package io.analytics.engine.postgres;

import static io.analytics.engine.postgres.PgIdentifiers.literal;

import io.analytics.engine.duckdb.DuckDbErrors;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * The warehouse tables that record each source's state ({@code platform.sources}: which path it
 * uses, up or down, why) and each mirror's freshness ({@code platform.source_tables}); a mirror's
 * row is written in the same DuckDB transaction as the mirror itself.
 */
public final class SyncStateTables {
  public static final String SOURCES = "platform.sources";
  public static final String TABLES = "platform.source_tables";

  private SyncStateTables() {}

  public static void ensure(Connection duck) {
    run(duck, "CREATE SCHEMA IF NOT EXISTS platform");
    run(duck, "CREATE TABLE IF NOT EXISTS " + SOURCES + " (source VARCHAR, path VARCHAR, status VARCHAR,"
        + " message VARCHAR, checked_at TIMESTAMPTZ, ok_at TIMESTAMPTZ)");
    run(duck, "CREATE TABLE IF NOT EXISTS " + TABLES + " (source VARCHAR, mirror VARCHAR, pg_table VARCHAR,"
        + " method VARCHAR, signature VARCHAR, rows BIGINT, watermark VARCHAR, synced_at TIMESTAMPTZ,"
        + " duration_ms BIGINT, last_error VARCHAR, attempted_at TIMESTAMPTZ)");
  }

  /** Records whether the source answered; {@code ok_at} keeps the last time it did. */
  static void recordSource(Connection duck, String source, String path, boolean up, String message) {
    String where = " WHERE source = " + literal(source);
    String text = message == null ? "NULL" : literal(message);
    if (count(duck, "SELECT count(*) FROM " + SOURCES + where) > 0) {
      run(duck, "UPDATE " + SOURCES + " SET path = " + literal(path) + ", status = " + literal(up ? "up" : "down")
          + ", message = " + text + ", checked_at = now()" + (up ? ", ok_at = now()" : "") + where);
    } else {
      run(duck, "INSERT INTO " + SOURCES + " VALUES (" + literal(source) + ", " + literal(path) + ", "
          + literal(up ? "up" : "down") + ", " + text + ", now(), " + (up ? "now()" : "NULL") + ")");
    }
  }

  /** The mirror's recorded state, if it was synced before: signature and watermark. */
  public static Optional<String[]> mirrorState(Connection duck, String source, String mirror) {
    String sql = "SELECT signature, watermark FROM " + TABLES + " WHERE source = " + literal(source)
        + " AND mirror = " + literal(mirror) + " AND synced_at IS NOT NULL";
    try (Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? Optional.of(new String[] {rows.getString(1), rows.getString(2)}) : Optional.empty();
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /** Inside the sync's transaction: the mirror is now fresh. */
  public static void recordSynced(Connection duck, String source, SourceTable table, String method, String watermarkSql,
      long durationMillis) {
    String mirrorRef = PgIdentifiers.quote(source) + "." + PgIdentifiers.quote(table.mirrorName());
    run(duck, "DELETE FROM " + TABLES + " WHERE source = " + literal(source) + " AND mirror = "
        + literal(table.mirrorName()));
    run(duck, "INSERT INTO " + TABLES + " SELECT " + literal(source) + ", " + literal(table.mirrorName()) + ", "
        + literal(table.qualifiedName()) + ", " + literal(method) + ", " + literal(table.signature())
        + ", (SELECT count(*) FROM " + mirrorRef + "), " + (watermarkSql == null ? "NULL" : "(" + watermarkSql + ")")
        + ", now(), " + durationMillis + ", NULL, now()");
  }

  /** Outside any transaction: the last attempt failed; the mirror (if any) is left as it was. */
  static void recordFailure(Connection duck, String source, SourceTable table, String error) {
    String where = " WHERE source = " + literal(source) + " AND mirror = " + literal(table.mirrorName());
    if (count(duck, "SELECT count(*) FROM " + TABLES + where) > 0) {
      run(duck, "UPDATE " + TABLES + " SET last_error = " + literal(error) + ", attempted_at = now()" + where);
    } else {
      run(duck, "INSERT INTO " + TABLES + " VALUES (" + literal(source) + ", " + literal(table.mirrorName()) + ", "
          + literal(table.qualifiedName()) + ", NULL, NULL, NULL, NULL, NULL, NULL, " + literal(error) + ", now())");
    }
  }

  /** Mirrors of {@code source} kept by change capture (method {@code cdc}): polling leaves them alone. */
  public static java.util.Set<String> streamedMirrors(Connection duck, String source) {
    String sql = "SELECT mirror FROM " + TABLES + " WHERE source = " + literal(source) + " AND method = 'cdc'";
    java.util.Set<String> mirrors = new java.util.TreeSet<>();
    try (Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        mirrors.add(rows.getString(1));
      }
      return mirrors;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /** Change capture stopped for {@code source}: its mirrors go back to polling (copied whole at the next sync). */
  public static void releaseStreamedMirrors(Connection duck, String source) {
    run(duck, "UPDATE " + TABLES + " SET method = 'full', signature = NULL WHERE source = " + literal(source)
        + " AND method = 'cdc'");
  }

  private static long count(Connection duck, String sql) {
    try (Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  public static void run(Connection duck, String sql) {
    try (Statement statement = duck.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }
}
