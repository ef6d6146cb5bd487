package io.analytics.gateway.columns;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.types.DeclaredColumnType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Resolves a table name as written in FROM to the table or view DuckDB binds it to, by DuckDB's own
 * rules: a qualified name in its schema (or catalog), an unqualified one through the session's
 * {@code search_path}, temporary relations first. Its columns carry the OID and attribute number the
 * gateway's pg_class and pg_attribute show; a temporary relation's columns have no origin, since the
 * gateway's pg_class does not list the session's temporary objects.
 */
final class CatalogTables implements SelectListOrigins.Tables {
  private static final String SEPARATOR = "\u0001";
  /** Each column with the PostgreSQL type the gateway recorded for it where DuckDB's type is VARCHAR (see DeclaredColumnType). */
  private static final String COLUMNS = "SELECT concat_ws(chr(1), database_name, schema_name, table_oid, column_index, "
      + "CASE WHEN data_type = 'VARCHAR' AND starts_with(comment, 'pg_type:') THEN comment ELSE '' END, column_name) "
      + "FROM duckdb_columns() WHERE lower(table_name) = lower(?) ORDER BY database_name, schema_name, column_index";
  private static final String PATH = "SELECT concat_ws(chr(1), current_database(), current_setting('search_path'))";

  /** Runs a catalog query with one parameter and returns its first column. */
  private final BiFunction<String, Object[], List<String>> query;
  private List<String[]> searchPath;
  private String currentDatabase;

  CatalogTables(BiFunction<String, Object[], List<String>> query) {
    this.query = requireNonNull(query, "query is null");
  }

  private record Candidate(String database, String schema) {
    boolean is(String database, String schema) {
      return this.database.equalsIgnoreCase(database) && this.schema.equalsIgnoreCase(schema);
    }
  }

  @Override
  public RelationColumns resolve(String catalog, String schema, String name) {
    Map<Candidate, List<String[]>> found = new LinkedHashMap<>();
    for (String row : query.apply(COLUMNS, new Object[] {name})) {
      String[] fields = row.split(SEPARATOR, 6);
      if (fields.length == 6) {
        found.computeIfAbsent(new Candidate(fields[0], fields[1]), key -> new ArrayList<>()).add(fields);
      }
    }
    if (found.isEmpty()) {
      return null;
    }
    for (Candidate wanted : candidates(catalog, schema.equalsIgnoreCase("public") ? "main" : schema)) {
      for (Map.Entry<Candidate, List<String[]>> entry : found.entrySet()) {
        if (entry.getKey().is(wanted.database(), wanted.schema())) {
          return columns(entry.getValue(), entry.getKey().database().equals("temp"));
        }
      }
    }
    return null;
  }

  private static RelationColumns columns(List<String[]> rows, boolean temporary) {
    List<RelationColumns.Column> columns = new ArrayList<>(rows.size());
    for (String[] row : rows) {
      DeclaredColumnType declared = DeclaredColumnType.fromComment(row[4]).orElse(null);
      ColumnOrigin origin = temporary ? ColumnOrigin.computed(declared)
          : new ColumnOrigin((int) Long.parseLong(row[2]), Short.parseShort(row[3]), declared);
      columns.add(new RelationColumns.Column(row[5], origin));
    }
    return new RelationColumns(columns);
  }

  /** Where DuckDB looks for the name, in order. */
  private List<Candidate> candidates(String catalog, String schema) {
    List<Candidate> candidates = new ArrayList<>();
    if (!catalog.isEmpty()) {
      candidates.add(new Candidate(catalog, schema.isEmpty() ? "main" : schema));
      return candidates;
    }
    String database = currentDatabase();
    if (!schema.isEmpty()) {
      // schema.name, or catalog.name for the catalog's default schema.
      candidates.add(new Candidate("temp", schema));
      candidates.add(new Candidate(database, schema));
      candidates.add(new Candidate(schema, "main"));
      return candidates;
    }
    candidates.add(new Candidate("temp", "main"));
    for (String[] entry : searchPath()) {
      if (entry.length == 2) {
        candidates.add(new Candidate(entry[0], entry[1]));
      } else {
        candidates.add(new Candidate(database, entry[0]));
        candidates.add(new Candidate(entry[0], "main"));
      }
    }
    candidates.add(new Candidate(database, "main"));
    return candidates;
  }

  private String currentDatabase() {
    loadPath();
    return currentDatabase;
  }

  private List<String[]> searchPath() {
    loadPath();
    return searchPath;
  }

  private void loadPath() {
    if (searchPath != null) {
      return;
    }
    List<String> rows = query.apply(PATH, new Object[0]);
    String[] fields = rows.isEmpty() ? new String[] {"memory"} : rows.get(0).split(SEPARATOR, 2);
    currentDatabase = fields[0];
    searchPath = new ArrayList<>();
    if (fields.length > 1) {
      for (String entry : fields[1].split(",")) {
        String trimmed = entry.trim();
        if (!trimmed.isEmpty()) {
          searchPath.add(trimmed.replace("\"", "").toLowerCase(Locale.ROOT).split("\\.", 2));
        }
      }
    }
  }
}
