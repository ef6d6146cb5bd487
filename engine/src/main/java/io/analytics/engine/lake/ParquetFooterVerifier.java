package io.analytics.engine.lake;

import io.analytics.engine.duckdb.SqlIdentifiers;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.duckdb.DuckDBConnection;

/**
 * Reads back the footer of every staged Parquet file before it may become visible: a COPY killed
 * half-way leaves a file without its footer, which would break every glob read of its dataset.
 */
public final class ParquetFooterVerifier {
  private final DuckDBConnection connection;

  public ParquetFooterVerifier(DuckDBConnection connection) {
    this.connection = requireNonNull(connection, "connection is null");
  }

  /** Returns the total row count the footers declare; fails if any footer cannot be read. */
  public long verify(List<Path> files) {
    if (files.isEmpty()) {
      return 0;
    }
    String list = files.stream().map(f -> SqlIdentifiers.literal(f.toString())).collect(Collectors.joining(", "));
    String sql = "SELECT count(*), coalesce(sum(num_rows), 0) FROM parquet_file_metadata([" + list + "])";
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      long verified = rows.getLong(1);
      if (verified != files.size()) {
        throw new PlatformException(
            SqlState.IO_ERROR, "only " + verified + " of " + files.size() + " staged Parquet files have a readable footer");
      }
      return rows.getLong(2);
    } catch (SQLException e) {
      throw new PlatformException(
          SqlState.IO_ERROR, "a staged Parquet file is not valid (no readable footer): " + firstLine(e.getMessage()), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
