package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A table (or view) of a PostgreSQL source: its columns and primary key, and the name of its mirror
 * in the source's DuckDB schema ({@code orders} for {@code public.orders}, {@code sales__orders} for
 * {@code sales.orders}).
 */
public record SourceTable(String schema, String name, List<SourceColumn> columns, List<String> primaryKey) {
  public SourceTable {
    requireNonNull(schema, "schema is null");
    requireNonNull(name, "name is null");
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
  }

  /** The mirror table's name in the source's DuckDB schema. */
  public String mirrorName() {
    return schema.equals("public") ? name : schema + "__" + name;
  }

  /** {@code schema.name} as PostgreSQL knows it. */
  public String qualifiedName() {
    return schema + "." + name;
  }

  /** The quoted name to use in SQL sent to PostgreSQL. */
  public String quotedName() {
    return PgIdentifiers.quote(schema) + "." + PgIdentifiers.quote(name);
  }

  public Optional<SourceColumn> column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
  }

  /** The mirror's column definition, compared between syncs to notice a changed source table. */
  public String signature() {
    StringBuilder text = new StringBuilder();
    for (SourceColumn column : columns) {
      text.append(column.name()).append(' ').append(column.duckDbType()).append(';');
    }
    return text.toString();
  }

  /** Whether a sync matches it: {@code name}, {@code schema.name} or the mirror name. */
  public boolean matches(String filter) {
    return filter.equals(name) || filter.equals(qualifiedName()) || filter.equals(mirrorName());
  }
}
