package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.duckdb.DuckDBConnection;

/** A one-off copy of a PostgreSQL table into a DuckDB temporary table, for ingesting it into the lake. */
public final class PostgresSnapshot {
  private final PostgresSourceConfig source;
  private final String table;
  private volatile List<String> warnings = List.of();

  /** @param table {@code table} or {@code schema.table} among the source's schemas */
  public PostgresSnapshot(PostgresSourceConfig source, String table) {
    this.source = requireNonNull(source, "source is null");
    this.table = requireNonNull(table, "table is null");
  }

  /** Creates the temporary table {@code name} in {@code duck} with the table's rows; returns the columns' warnings. */
  public List<String> loadInto(DuckDBConnection duck, String name) {
    try (Connection pg = PostgresConnections.open(source)) {
      pg.setAutoCommit(false);
      SourceTable found = new SourceCatalogReader(source).tables(pg).stream()
          .filter(t -> t.matches(table))
          .findFirst()
          .orElseThrow(() -> new PlatformException(SqlState.UNDEFINED_TABLE,
              "postgres source \"" + source.name() + "\" has no table \"" + table + "\" in its schemas " + source.schemas()));
      CopyLoader loader = new CopyLoader(source, found, duck, pg);
      loader.load(loader.copySql(""), "CREATE OR REPLACE TEMP TABLE " + PgIdentifiers.quote(name));
      pg.commit();
      warnings = found.columns().stream().map(SourceColumn::warning).flatMap(Optional::stream).toList();
      return warnings;
    } catch (SQLException e) {
      throw PostgresConnections.translate(source, e, "cannot read " + table);
    }
  }

  /** The columns the last load did not carry faithfully (read through their text form). */
  public List<String> warnings() {
    return warnings;
  }

  public String description() {
    return "postgres " + source.name() + "." + table;
  }
}
