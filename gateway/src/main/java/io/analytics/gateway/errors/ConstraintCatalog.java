package io.analytics.gateway.errors;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.session.EngineSession;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Reads DuckDB's catalog right after a statement failed: on the session's own connection, which also
 * sees tables its open transaction created, or when the failure aborted that transaction (DuckDB then
 * refuses every statement until ROLLBACK) on a short-lived connection of the same instance, which sees
 * what is committed.
 */
public final class ConstraintCatalog implements BiFunction<String, Object[], List<String>> {
  private final EngineSession engine;
  private final Supplier<? extends Connection> connections;

  public ConstraintCatalog(EngineSession engine, Supplier<? extends Connection> connections) {
    this.engine = requireNonNull(engine, "engine is null");
    this.connections = requireNonNull(connections, "connections is null");
  }

  @Override
  public List<String> apply(String sql, Object[] parameters) {
    try {
      return engine.firstColumn(sql, parameters);
    } catch (PlatformException e) {
      return committed(sql, parameters);
    }
  }

  private List<String> committed(String sql, Object[] parameters) {
    try (Connection connection = connections.get(); PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      List<String> values = new ArrayList<>();
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          values.add(rows.getString(1));
        }
      }
      return values;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }
}
