package io.analytics.gateway.security;

/**
 * A table or view a SELECT reads, as written: schema and catalog (empty when not written) and
 * name. DuckDB's parse tree names a replacement scan ({@code FROM 'file.csv'}, {@code FROM
 * "file.csv"}) as a table of the path's name.
 */
record TableReference(String schema, String name, String catalog) {
  String qualified() {
    return (catalog.isEmpty() ? "" : catalog + ".") + (schema.isEmpty() ? name : schema + "." + name);
  }

  /**
   * Whether DuckDB would read this name as a file: it tries a replacement scan for an unqualified
   * name it does not find as a table, and only names with a file's extension or a path qualify;
   * no layer or warehouse table is named like that, so any such name is taken for a file.
   */
  boolean looksLikePath() {
    // DuckDB joins catalog, schema and name with dots into the path it tries (FROM data.parquet reads a file).
    String path = qualified();
    if (schema.isEmpty() && catalog.isEmpty() && name.indexOf('.') >= 0) {
      return true;
    }
    for (char c : new char[] {'/', '\\', ':', '*', '?', '~', '[', '{'}) {
      if (path.indexOf(c) >= 0) {
        return true;
      }
    }
    int dot = path.lastIndexOf('.');
    return dot >= 0 && FILE_EXTENSIONS.contains(path.substring(dot + 1).toLowerCase(java.util.Locale.ROOT));
  }

  private static final java.util.Set<String> FILE_EXTENSIONS = java.util.Set.of(
      "csv", "tsv", "txt", "tbl", "parquet", "json", "jsonl", "ndjson", "gz", "gzip", "zst", "zstd", "bz2", "xz", "lz4",
      "snappy", "duckdb", "db", "ddb", "sqlite", "sqlite3", "arrow", "feather", "ipc", "avro", "orc", "xlsx", "xls", "log");
}
