package io.analytics.engine.postgres;

import static io.analytics.engine.postgres.PgIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.CopyBinaryReader;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyInputStream;

/**
 * Loads the rows of a binary COPY from PostgreSQL into a new DuckDB table: the stream is decoded
 * into Arrow batches that DuckDB pulls through the C stream interface, each column cast to its
 * mirror type. PostgreSQL's own error (or a lost connection, 08006) is reported, not DuckDB's echo.
 */
public final class CopyLoader {
  private static final int BATCH_ROWS = 32_768;

  private final PostgresSourceConfig source;
  private final SourceTable table;
  private final DuckDBConnection duck;
  private final Connection pg;

  private final java.util.function.LongConsumer rowsSoFar;

  public CopyLoader(PostgresSourceConfig source, SourceTable table, DuckDBConnection duck, Connection pg) {
    this(source, table, duck, pg, rows -> {});
  }

  /** @param rowsSoFar hears the rows read so far as the COPY streams in */
  public CopyLoader(PostgresSourceConfig source, SourceTable table, DuckDBConnection duck, Connection pg,
      java.util.function.LongConsumer rowsSoFar) {
    this.rowsSoFar = requireNonNull(rowsSoFar, "rowsSoFar is null");
    this.source = requireNonNull(source, "source is null");
    this.table = requireNonNull(table, "table is null");
    this.duck = requireNonNull(duck, "duck is null");
    this.pg = requireNonNull(pg, "pg is null");
  }

  /** The COPY statement that reads the table's columns, optionally filtered by {@code where} (" WHERE ..."). */
  public String copySql(String where) {
    return "COPY (SELECT " + table.columns().stream().map(SourceColumn::copyExpression).collect(Collectors.joining(", "))
        + " FROM " + table.quotedName() + where + ") TO STDOUT (FORMAT binary)";
  }

  /** Runs {@code copySql} and creates the table with {@code createPrefix AS SELECT ...}; returns the rows read. */
  public long load(String copySql, String createPrefix) {
    String streamName = "__pg_stream_" + Long.toHexString(System.nanoTime());
    String casts = table.columns().stream()
        .map(c -> "CAST(" + quote(c.name()) + " AS " + c.duckDbType() + ") AS " + quote(c.name()))
        .collect(Collectors.joining(", "));
    String sql = createPrefix + " AS SELECT " + casts + " FROM " + quote(streamName);
    try (BufferAllocator allocator = new RootAllocator();
        InputStream copy = new PGCopyInputStream(pg.unwrap(PGConnection.class), copySql);
        CopyBinaryReader reader = new CopyBinaryReader(allocator, copy,
            table.columns().stream().map(SourceColumn::copyColumn).toList(), BATCH_ROWS, rowsSoFar);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      duck.registerArrowStream(streamName, stream);
      try {
        SyncStateTables.run(duck, sql);
      } catch (PlatformException e) {
        throw (reader.failure() == null ? Optional.<PlatformException>empty() : readFailure(reader.failure())).orElse(e);
      }
      return reader.rows();
    } catch (SQLException e) {
      throw PostgresConnections.translate(source, e, "cannot read " + table.qualifiedName());
    } catch (IOException e) {
      throw readFailure(e).orElseThrow();
    }
  }

  /** PostgreSQL's error (a lost connection is 08006), or a decoding problem naming the table. */
  private Optional<PlatformException> readFailure(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql) {
        return Optional.of(PostgresConnections.translate(source, sql, "reading " + table.qualifiedName() + " failed"));
      }
    }
    return Optional.of(new PlatformException(SqlState.DATA_EXCEPTION,
        "postgres source \"" + source.name() + "\": cannot read " + table.qualifiedName() + ": " + failure.getMessage(),
        failure));
  }
}
