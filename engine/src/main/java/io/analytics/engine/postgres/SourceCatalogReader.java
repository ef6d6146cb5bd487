package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists the tables and views of a source's exposed schemas, with their columns and primary keys. */
public final class SourceCatalogReader {
  private static final String TABLES =
      "SELECT c.oid, n.nspname, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " WHERE n.nspname = ANY(?) AND c.relkind IN ('r', 'v', 'm', 'p', 'f') AND NOT c.relispartition"
          + " ORDER BY n.nspname, c.relname";
  private static final String COLUMNS =
      "SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod),"
          + " CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END,"
          + " CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END"
          + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
          + " WHERE a.attrelid = ANY(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attrelid, a.attnum";
  private static final String PRIMARY_KEYS =
      "SELECT i.indrelid, a.attname FROM pg_index i"
          + " JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
          + " WHERE i.indisprimary AND i.indrelid = ANY(?)"
          + " ORDER BY i.indrelid, array_position(i.indkey::int2[], a.attnum)";

  private final PostgresSourceConfig source;

  public SourceCatalogReader(PostgresSourceConfig source) {
    this.source = requireNonNull(source, "source is null");
  }

  public List<SourceTable> tables(Connection connection) {
    try {
      Map<Long, String[]> names = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(TABLES)) {
        statement.setArray(1, connection.createArrayOf("text", source.schemas().toArray()));
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            names.put(rows.getLong(1), new String[] {rows.getString(2), rows.getString(3)});
          }
        }
      }
      Array oids = connection.createArrayOf("oid", names.keySet().toArray());
      Map<Long, List<SourceColumn>> columns = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(COLUMNS)) {
        statement.setArray(1, oids);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            columns.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>())
                .add(new SourceColumn(rows.getString(2), rows.getString(3), rows.getInt(4), rows.getInt(5)));
          }
        }
      }
      Map<Long, List<String>> keys = new LinkedHashMap<>();
      try (PreparedStatement statement = connection.prepareStatement(PRIMARY_KEYS)) {
        statement.setArray(1, oids);
        try (ResultSet rows = statement.executeQuery()) {
          while (rows.next()) {
            keys.computeIfAbsent(rows.getLong(1), k -> new ArrayList<>()).add(rows.getString(2));
          }
        }
      }
      List<SourceTable> tables = new ArrayList<>();
      for (Map.Entry<Long, String[]> entry : names.entrySet()) {
        tables.add(new SourceTable(entry.getValue()[0], entry.getValue()[1],
            columns.getOrDefault(entry.getKey(), List.of()), keys.getOrDefault(entry.getKey(), List.of())));
      }
      return tables;
    } catch (SQLException e) {
      throw PostgresConnections.translate(source, e, "cannot list tables");
    }
  }
}
