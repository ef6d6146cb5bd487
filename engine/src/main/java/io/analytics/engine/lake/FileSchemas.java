package io.analytics.engine.lake;

import io.analytics.engine.duckdb.SqlIdentifiers;
import static java.util.Objects.requireNonNull;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.duckdb.SqlIdentifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether the Parquet files of a dataset all have one schema (the same columns, in the same order,
 * of the same types), learned from each file's footer once: a view over such files needs no
 * {@code union_by_name}, which makes DuckDB read every file's footer each time it binds a statement
 * (half the cost of a one-day aggregate over 250 daily files). Lake files are never rewritten in
 * place, so a file's schema is remembered by its path, size and modification time.
 */
final class FileSchemas {
  private record FileKey(Path path, long size, long modifiedMillis) {}

  private final DuckDbDatabase database;
  private final ConcurrentHashMap<FileKey, String> schemas = new ConcurrentHashMap<>();

  FileSchemas(DuckDbDatabase database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** True when every file's schema is the first's; false when any differs or cannot be read. */
  boolean allAlike(List<Path> files) {
    String first = null;
    try (Connection connection = database.connect()) {
      for (Path file : files) {
        String schema = schemaOf(connection, file);
        if (schema == null) {
          return false;
        }
        if (first == null) {
          first = schema;
        } else if (!first.equals(schema)) {
          return false;
        }
      }
    } catch (SQLException | IOException e) {
      // Unknown: union_by_name reads every file the way that always works.
      return false;
    }
    return true;
  }

  private String schemaOf(Connection connection, Path file) throws IOException, SQLException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    FileKey key = new FileKey(file, attributes.size(), attributes.lastModifiedTime().toMillis());
    String known = schemas.get(key);
    if (known != null) {
      return known;
    }
    StringBuilder schema = new StringBuilder();
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT name, type, logical_type, converted_type, repetition_type, num_children,"
            + " scale, precision FROM parquet_schema(" + SqlIdentifiers.literal(file.toString()) + ")")) {
      int columns = rows.getMetaData().getColumnCount();
      while (rows.next()) {
        for (int i = 1; i <= columns; i++) {
          schema.append(rows.getString(i)).append('\u0001');
        }
        schema.append('\n');
      }
    }
    String signature = schema.toString();
    schemas.put(key, signature);
    return signature;
  }
}
