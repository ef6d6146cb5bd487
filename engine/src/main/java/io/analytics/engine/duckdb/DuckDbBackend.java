package io.analytics.engine.duckdb;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

/**
 * Direct use of a DuckDB database from Java: read Parquet, define views over Parquet, run queries
 * and get rows or an Arrow stream. Each call uses its own connection from the database.
 */
public final class DuckDbBackend {
  private final DuckDbDatabase database;

  public DuckDbBackend(DuckDbDatabase database) {
    this.database = requireNonNull(database, "database is null");
  }

  /** The rows of the Parquet files {@code glob} matches (hive partitions become columns). */
  public QueryRows readParquet(String glob) {
    return query("SELECT * FROM read_parquet(" + literal(glob) + ", hive_partitioning = true, union_by_name = true)");
  }

  /** Creates or replaces the view {@code name} over the Parquet files {@code glob} matches. */
  public void createParquetView(String name, String glob) {
    database.execute("CREATE OR REPLACE VIEW " + quote(name) + " AS SELECT * FROM read_parquet(" + literal(glob)
        + ", hive_partitioning = true, union_by_name = true)");
  }

  /** Runs {@code sql} and reads every row into memory (for small results). */
  public QueryRows query(String sql) {
    try (DuckDBConnection connection = database.connect();
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<String> columns = new ArrayList<>();
      List<String> types = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        columns.add(meta.getColumnLabel(i));
        types.add(meta.getColumnTypeName(i));
      }
      List<List<Object>> values = new ArrayList<>();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          row.add(rows.getObject(i));
        }
        values.add(row);
      }
      return new QueryRows(columns, types, values);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /** Runs {@code sql} and streams its result as Arrow batches; close the returned object when done. */
  public ArrowQuery queryArrow(String sql, BufferAllocator allocator, int batchRows) {
    DuckDBConnection connection = database.connect();
    try {
      Statement statement = connection.createStatement();
      DuckDBResultSet rows = statement.executeQuery(sql).unwrap(DuckDBResultSet.class);
      ArrowReader reader = (ArrowReader) rows.arrowExportStream(allocator, batchRows);
      return new ArrowQuery(connection, statement, rows, reader);
    } catch (SQLException e) {
      PlatformException error = StreamedErrorRecovery.isLostError(e)
          ? StreamedErrorRecovery.recover(connection, sql, List.of(), e)
          : DuckDbErrors.translate(e, sql);
      closeQuietly(connection);
      throw error;
    }
  }

  /** An Arrow result and the DuckDB objects it streams from, closed together. */
  public record ArrowQuery(DuckDBConnection connection, Statement statement, ResultSet rows, ArrowReader reader)
      implements AutoCloseable {
    @Override
    public void close() {
      try {
        reader.close();
        rows.close();
        statement.close();
        connection.close();
      } catch (java.io.IOException | SQLException e) {
        throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot close Arrow result: " + e.getMessage(), e);
      }
    }
  }

  private static void closeQuietly(DuckDBConnection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The query already failed; its error is the one to report.
    }
  }
}
