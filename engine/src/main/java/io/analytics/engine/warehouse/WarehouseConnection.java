package io.analytics.engine.warehouse;

import io.analytics.engine.duckdb.SqlErrors;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A JDBC connection to the warehouse, either through the running gateway (pgjdbc) or straight to
 * the warehouse file (DuckDB) when no gateway serves the home; the same SQL works on both.
 */
public final class WarehouseConnection implements AutoCloseable {
  private final Connection connection;
  private final DuckDbDatabase ownedDatabase;
  private final String description;
  private final Runnable beforeClosingDatabase;

  WarehouseConnection(Connection connection, DuckDbDatabase ownedDatabase, String description) {
    this(connection, ownedDatabase, description, () -> { });
  }

  /** @param beforeClosingDatabase runs after the connection closed, before the owned database does */
  WarehouseConnection(
      Connection connection, DuckDbDatabase ownedDatabase, String description, Runnable beforeClosingDatabase) {
    this.connection = requireNonNull(connection, "connection is null");
    this.ownedDatabase = ownedDatabase;
    this.description = requireNonNull(description, "description is null");
    this.beforeClosingDatabase = requireNonNull(beforeClosingDatabase, "beforeClosingDatabase is null");
  }

  /** The JDBC connection; owned by this object. */
  public Connection jdbc() {
    return connection;
  }

  /** Whether SQL goes through a running gateway. */
  public boolean viaGateway() {
    return ownedDatabase == null;
  }

  /** "gateway at 127.0.0.1:5433" or "warehouse file ...". */
  public String description() {
    return description;
  }

  public void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  /** Runs a query and returns all its rows as strings (for small catalog queries). */
  public List<List<String>> queryStrings(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      int columns = rows.getMetaData().getColumnCount();
      List<List<String>> result = new ArrayList<>();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          row.add(rows.getString(i));
        }
        result.add(row);
      }
      return result;
    } catch (SQLException e) {
      throw SqlErrors.translate(e, sql);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close the warehouse connection: " + e.getMessage(), e);
    } finally {
      if (ownedDatabase != null) {
        try {
          beforeClosingDatabase.run();
        } finally {
          ownedDatabase.close();
        }
      }
    }
  }
}
