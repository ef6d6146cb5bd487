package io.analytics.engine.postgres;

import static io.analytics.engine.postgres.PgIdentifiers.literal;
import static io.analytics.engine.postgres.PgIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Brings one PostgreSQL table's mirror up to date. Rows are read with binary COPY, decoded into
 * Arrow and loaded by DuckDB into a staging table; the mirror is then replaced (full sync) or
 * amended (incremental) together with its state row, all in one DuckDB transaction, so readers see
 * the old mirror or the new one, and a failure anywhere, or a kill -9 of the process, leaves the old
 * mirror as it was.
 */
final class TableMirror {
  private static final List<String> UPDATED_AT_NAMES = List.of("updated_at", "modified_at", "last_modified");

  private final PostgresSourceConfig source;
  private final SourceTable table;
  private final DuckDBConnection duck;
  private final Connection pg;

  private final java.util.function.LongConsumer rowsSoFar;

  TableMirror(PostgresSourceConfig source, SourceTable table, DuckDBConnection duck, Connection pg) {
    this(source, table, duck, pg, rows -> {});
  }

  /** @param rowsSoFar hears the rows read so far from the source (the sync's progress) */
  TableMirror(PostgresSourceConfig source, SourceTable table, DuckDBConnection duck, Connection pg,
      java.util.function.LongConsumer rowsSoFar) {
    this.rowsSoFar = requireNonNull(rowsSoFar, "rowsSoFar is null");
    this.source = requireNonNull(source, "source is null");
    this.table = requireNonNull(table, "table is null");
    this.duck = requireNonNull(duck, "duck is null");
    this.pg = requireNonNull(pg, "pg is null");
  }

  /** How a table is kept fresh: all of it, or the rows past a watermark column. */
  record Plan(String method, SourceColumn column) {
    boolean incremental() {
      return column != null;
    }
  }

  /** The incremental column declared for the table, or found by name with a primary key; else full. */
  Plan plan() {
    String declared = source.incremental().get(table.name());
    if (declared == null) {
      declared = source.incremental().get(table.qualifiedName());
    }
    if (declared != null) {
      String name = declared;
      SourceColumn column = table.column(name).orElseThrow(() -> new PlatformException(SqlState.UNDEFINED_COLUMN,
          "postgres source \"" + source.name() + "\": incremental column \"" + name + "\" is not a column of "
              + table.qualifiedName()));
      return new Plan(isTimestamp(column) && !table.primaryKey().isEmpty() ? "upsert" : "append", column);
    }
    if (!table.primaryKey().isEmpty()) {
      for (String candidate : UPDATED_AT_NAMES) {
        Optional<SourceColumn> column = table.column(candidate).filter(TableMirror::isTimestamp);
        if (column.isPresent()) {
          return new Plan("upsert", column.get());
        }
      }
    }
    return new Plan("full", null);
  }

  TableSyncResult sync(boolean forceFull) {
    Instant start = Instant.now();
    Plan plan = plan();
    List<String> warnings = table.columns().stream().map(SourceColumn::warning).flatMap(Optional::stream).toList();
    Optional<String[]> state = SyncStateTables.mirrorState(duck, source.name(), table.mirrorName());
    boolean incremental = !forceFull && plan.incremental() && mirrorExists() && state.isPresent()
        && table.signature().equals(state.get()[0]) && state.get()[1] != null;
    String method = incremental ? plan.method() : "full";
    String staging = quote(source.name()) + "." + quote("__sync_" + table.mirrorName());
    String mirror = quote(source.name()) + "." + quote(table.mirrorName());
    String where = incremental
        ? " WHERE " + quote(plan.column().name()) + (plan.method().equals("upsert") ? " >= " : " > ")
            + literal(state.get()[1]) + "::" + plan.column().pgType()
        : "";
    // Left by a gateway that crashed between loading and swapping before loads joined the transaction.
    SyncStateTables.run(duck, "DROP TABLE IF EXISTS " + staging);
    boolean inTransaction = false;
    try {
      // The load belongs to the transaction too: a process killed at any moment leaves no staging
      // table behind (nothing of an uncommitted transaction survives a restart), only the old mirror.
      SyncStateTables.run(duck, "BEGIN TRANSACTION");
      inTransaction = true;
      CopyLoader loader = new CopyLoader(source, table, duck, pg, rowsSoFar);
      long read = loader.load(loader.copySql(where), "CREATE TABLE " + staging);
      if (!incremental) {
        SyncStateTables.run(duck, "DROP TABLE IF EXISTS " + mirror);
        SyncStateTables.run(duck, "ALTER TABLE " + staging + " RENAME TO " + quote(table.mirrorName()));
      } else {
        if (method.equals("upsert")) {
          String match = table.primaryKey().stream()
              .map(k -> mirror + "." + quote(k) + " = d." + quote(k))
              .collect(Collectors.joining(" AND "));
          SyncStateTables.run(duck, "DELETE FROM " + mirror + " USING " + staging + " d WHERE " + match);
        }
        SyncStateTables.run(duck, "INSERT INTO " + mirror + " SELECT * FROM " + staging);
        SyncStateTables.run(duck, "DROP TABLE " + staging);
      }
      String watermark = plan.incremental()
          ? "SELECT CAST(max(" + quote(plan.column().name()) + ") AS VARCHAR) FROM " + mirror
          : null;
      long millis = Duration.between(start, Instant.now()).toMillis();
      SyncStateTables.recordSynced(duck, source.name(), table, method,
          watermark, millis);
      SyncStateTables.run(duck, "COMMIT");
      inTransaction = false;
      long rows = count(mirror);
      return new TableSyncResult(source.name() + "." + table.mirrorName(), method, read, rows, warnings,
          Duration.between(start, Instant.now()), null);
    } catch (RuntimeException e) {
      if (inTransaction) {
        SyncStateTables.run(duck, "ROLLBACK");
      }
      SyncStateTables.run(duck, "DROP TABLE IF EXISTS " + staging);
      throw e;
    }
  }

  private boolean mirrorExists() {
    return count("SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = "
        + literal(source.name()) + " AND table_name = " + literal(table.mirrorName())) > 0;
  }

  private long count(String relationOrQuery) {
    String sql = relationOrQuery.toUpperCase(Locale.ROOT).startsWith("SELECT")
        ? relationOrQuery : "SELECT count(*) FROM " + relationOrQuery;
    try (var statement = duck.createStatement();
        var rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    } catch (SQLException e) {
      throw io.analytics.engine.duckdb.DuckDbErrors.translate(e, sql);
    }
  }

  private static boolean isTimestamp(SourceColumn column) {
    return column.oid() == 1114 || column.oid() == 1184;
  }
}
