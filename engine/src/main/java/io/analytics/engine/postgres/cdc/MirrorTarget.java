package io.analytics.engine.postgres.cdc;

import static io.analytics.engine.postgres.PgIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Tuple;
import io.analytics.engine.postgres.cdc.PgOutputMessage.Value;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Applies row changes of one source table to its mirror: each text value cast to the mirror
 * column's DuckDB type (bytea's hex form decoded), rows found by the source's key. Statements are
 * prepared once per shape (an update that leaves TOASTed values out has its own).
 */
final class MirrorTarget implements AutoCloseable {
  private final Connection duck;
  private final String mirror;
  private final List<String> columns;
  private final List<String> types;
  private final List<Integer> key;
  private final Map<String, PreparedStatement> statements = new HashMap<>();

  /**
   * @param mirror the quoted mirror table
   * @param columns the source's column names, in its order
   * @param types the mirror's DuckDB type for each column
   * @param key indexes of the key columns
   */
  MirrorTarget(Connection duck, String mirror, List<String> columns, List<String> types, List<Integer> key) {
    this.duck = requireNonNull(duck, "duck is null");
    this.mirror = requireNonNull(mirror, "mirror is null");
    this.columns = List.copyOf(columns);
    this.types = List.copyOf(types);
    this.key = List.copyOf(key);
    if (this.key.isEmpty()) {
      throw new PlatformException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, mirror + " has no key to apply changes by");
    }
  }

  void insert(Tuple row) throws SQLException {
    PreparedStatement insert = statement("insert", () -> "INSERT INTO " + mirror + " ("
        + columns.stream().map(c -> quote(c)).collect(Collectors.joining(", ")) + ") VALUES ("
        + indexes().stream().map(this::placeholder).collect(Collectors.joining(", ")) + ")");
    int parameter = 1;
    for (int i = 0; i < columns.size(); i++) {
      bind(insert, parameter++, i, row.values().get(i));
    }
    insert.executeUpdate();
  }

  /** Updates by the old key when the key changed, else by the new row's key; unchanged TOAST values are kept. */
  void update(Tuple oldKey, Tuple row) throws SQLException {
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      if (row.values().get(i).kind() != Value.Kind.UNCHANGED_TOAST) {
        changed.add(i);
      }
    }
    PreparedStatement update = statement("update" + changed, () -> "UPDATE " + mirror + " SET "
        + changed.stream().map(i -> quote(columns.get(i)) + " = " + placeholder(i)).collect(Collectors.joining(", "))
        + whereKey());
    int parameter = 1;
    for (int i : changed) {
      bind(update, parameter++, i, row.values().get(i));
    }
    Tuple keySource = oldKey == null ? row : oldKey;
    for (int i : key) {
      bind(update, parameter++, i, keySource.values().get(i));
    }
    update.executeUpdate();
  }

  void delete(Tuple oldKey) throws SQLException {
    PreparedStatement delete = statement("delete", () -> "DELETE FROM " + mirror + whereKey());
    int parameter = 1;
    for (int i : key) {
      bind(delete, parameter++, i, oldKey.values().get(i));
    }
    delete.executeUpdate();
  }

  void truncate() throws SQLException {
    statement("truncate", () -> "DELETE FROM " + mirror).executeUpdate();
  }

  private String whereKey() {
    return " WHERE " + key.stream().map(i -> quote(columns.get(i)) + " = " + placeholder(i))
        .collect(Collectors.joining(" AND "));
  }

  private List<Integer> indexes() {
    List<Integer> all = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      all.add(i);
    }
    return all;
  }

  private String placeholder(int column) {
    return isBlob(column) ? "?" : "CAST(CAST(? AS VARCHAR) AS " + types.get(column) + ")";
  }

  private boolean isBlob(int column) {
    return types.get(column).equals("BLOB");
  }

  private void bind(PreparedStatement statement, int parameter, int column, Value value) throws SQLException {
    if (value.kind() == Value.Kind.UNCHANGED_TOAST) {
      throw new PlatformException(SqlState.DATA_EXCEPTION, "an unchanged TOAST value of " + mirror + "."
          + columns.get(column) + " where the whole value is needed");
    }
    if (value.kind() == Value.Kind.NULL) {
      statement.setObject(parameter, null);
    } else if (isBlob(column)) {
      statement.setBytes(parameter, bytea(value.text()));
    } else {
      statement.setString(parameter, value.text());
    }
  }

  /** PostgreSQL's bytea output (hex format, {@code \x0a0b}). */
  static byte[] bytea(String text) {
    if (!text.startsWith("\\x")) {
      throw new PlatformException(SqlState.DATA_EXCEPTION, "bytea in escape format (set bytea_output = hex on the source)");
    }
    return HexFormat.of().parseHex(text, 2, text.length());
  }

  private PreparedStatement statement(String shape, java.util.function.Supplier<String> sql) throws SQLException {
    PreparedStatement statement = statements.get(shape);
    if (statement == null) {
      statement = duck.prepareStatement(sql.get());
      statements.put(shape, statement);
    }
    return statement;
  }

  @Override
  public void close() {
    for (PreparedStatement statement : statements.values()) {
      try {
        statement.close();
      } catch (SQLException e) {
        // Closing a prepared statement of a connection being closed anyway.
      }
    }
    statements.clear();
  }
}
