package io.analytics.engine.postgres;

import static io.analytics.engine.postgres.PgIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.duckdb.StreamedErrorRecovery;
import io.analytics.engine.pgtypes.CopyColumn;
import io.analytics.engine.pgtypes.PgCodec;
import io.analytics.engine.pgtypes.PgCodecs;
import io.analytics.engine.pgtypes.PgOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes a DuckDB query's rows into a PostgreSQL table with {@code COPY ... FROM STDIN (FORMAT
 * binary)}: the result streams out of DuckDB as Arrow batches and is encoded straight into
 * PostgreSQL's binary COPY format. The target is created with matching types when missing; when it
 * exists the query's columns are cast to its column types first. Everything happens in one
 * PostgreSQL transaction, so a failed export changes nothing.
 */
public final class PostgresExporter {
  private static final int BATCH_ROWS = 65_536;
  private static final String COLUMNS =
      "SELECT a.attname, a.atttypid, a.atttypmod, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a"
          + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
  private static final String PRIMARY_KEY =
      "SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
          + " WHERE i.indisprimary AND i.indrelid = to_regclass(?) ORDER BY array_position(i.indkey::int2[], a.attnum)";

  private final PostgresTarget target;

  public PostgresExporter(PostgresTarget target) {
    this.target = requireNonNull(target, "target is null");
  }

  /** Exports the rows of {@code query} (run on {@code duck}); returns the number of rows written. */
  public long export(DuckDBConnection duck, String query, ExportMode mode, List<String> keys) {
    requireNonNull(duck, "duck is null");
    requireNonNull(query, "query is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(keys, "keys is null");
    if (target.source().readOnly()) {
      throw new PlatformException(SqlState.READ_ONLY_SQL_TRANSACTION, "postgres source \"" + target.source().name()
          + "\" is read-only; set \"readOnly\": false for it in config/platform.json (or attach it with --read-write)"
          + " to export into it");
    }
    Map<String, String> queryColumns = describe(duck, query);
    try (Connection pg = PostgresConnections.open(target.source())) {
      pg.setAutoCommit(false);
      try {
        long rows = export(duck, pg, query, queryColumns, mode, keys);
        pg.commit();
        return rows;
      } catch (RuntimeException e) {
        pg.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw PostgresConnections.translate(target.source(), e, "cannot export into " + target.displayName());
    }
  }

  private long export(DuckDBConnection duck, Connection pg, String query, Map<String, String> queryColumns,
      ExportMode mode, List<String> keys) throws SQLException {
    String qualified = target.quotedName();
    Map<String, CopyColumn> existing = existingColumns(pg, qualified);
    List<CopyColumn> columns = new ArrayList<>();
    for (Map.Entry<String, String> column : queryColumns.entrySet()) {
      if (existing.isEmpty()) {
        columns.add(DuckDbToPgTypes.column(column.getKey(), column.getValue()));
      } else {
        CopyColumn match = existing.get(column.getKey());
        if (match == null) {
          throw new PlatformException(SqlState.UNDEFINED_COLUMN, "column \"" + column.getKey() + "\" of the query is not a"
              + " column of " + target.displayName() + " (it has " + String.join(", ", existing.keySet()) + ")");
        }
        columns.add(match);
      }
    }
    List<String> upsertKeys = keys;
    if (mode == ExportMode.UPSERT && upsertKeys.isEmpty()) {
      upsertKeys = primaryKey(pg, qualified);
      if (upsertKeys.isEmpty()) {
        throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "an upsert into " + target.displayName()
            + " needs key columns (--key COL,...): the table has no primary key");
      }
    }
    for (String key : upsertKeys) {
      if (!queryColumns.containsKey(key)) {
        throw new PlatformException(SqlState.UNDEFINED_COLUMN, "key column \"" + key + "\" is not a column of the query");
      }
    }
    String columnList = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    String definition = columns.stream().map(c -> quote(c.name()) + " " + c.pgType()).collect(Collectors.joining(", "));
    try (Statement statement = pg.createStatement()) {
      if (existing.isEmpty() && !target.schema().equals("public")) {
        statement.execute("CREATE SCHEMA IF NOT EXISTS " + quote(target.schema()));
      }
      switch (mode) {
        case APPEND -> {
          if (existing.isEmpty()) {
            statement.execute("CREATE TABLE " + qualified + " (" + definition + ")");
          }
          return copy(duck, pg, query, columns, qualified, columnList);
        }
        case REPLACE -> {
          String staging = quote(target.schema()) + "." + quote(target.table() + "__export_staging");
          statement.execute("DROP TABLE IF EXISTS " + staging);
          statement.execute(existing.isEmpty()
              ? "CREATE TABLE " + staging + " (" + definition + ")"
              : "CREATE TABLE " + staging + " (LIKE " + qualified + " INCLUDING ALL)");
          long rows = copy(duck, pg, query, columns, staging, columnList);
          statement.execute("DROP TABLE IF EXISTS " + qualified);
          statement.execute("ALTER TABLE " + staging + " RENAME TO " + quote(target.table()));
          return rows;
        }
        case UPSERT -> {
          String keyList = upsertKeys.stream().map(PgIdentifiers::quote).collect(Collectors.joining(", "));
          if (existing.isEmpty()) {
            statement.execute("CREATE TABLE " + qualified + " (" + definition + ", PRIMARY KEY (" + keyList + "))");
          }
          String staging = quote("__export_" + target.table());
          statement.execute("CREATE TEMP TABLE " + staging + " (LIKE " + qualified + ") ON COMMIT DROP");
          long rows = copy(duck, pg, query, columns, staging, columnList);
          List<String> keySet = upsertKeys;
          String updates = columns.stream()
              .filter(c -> !keySet.contains(c.name()))
              .map(c -> quote(c.name()) + " = EXCLUDED." + quote(c.name()))
              .collect(Collectors.joining(", "));
          statement.execute("INSERT INTO " + qualified + " (" + columnList + ") SELECT " + columnList + " FROM " + staging
              + " ON CONFLICT (" + keyList + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates));
          return rows;
        }
        default -> throw new IllegalStateException("unknown mode " + mode);
      }
    }
  }

  /** Streams the query's rows, cast to the columns' types, into {@code table} with binary COPY. */
  private long copy(DuckDBConnection duck, Connection pg, String query, List<CopyColumn> columns, String table,
      String columnList) throws SQLException {
    String casts = columns.stream()
        .map(c -> "CAST(" + quote(c.name()) + " AS " + c.duckDbType() + ") AS " + quote(c.name()))
        .collect(Collectors.joining(", "));
    String select = "SELECT " + casts + " FROM (" + query + ") AS __export";
    try (BufferAllocator allocator = new RootAllocator();
        Statement statement = duck.createStatement();
        DuckDBResultSet result = run(duck, statement, select);
        ArrowReader reader = (ArrowReader) result.arrowExportStream(allocator, BATCH_ROWS)) {
      CopyIn copyIn = pg.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table + " (" + columnList + ") FROM STDIN (FORMAT binary)");
      try {
        PgOutput out = new PgOutput(new CopyInStream(copyIn));
        out.writeBytes(new byte[] {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0}, 0, 11);
        out.writeInt(0);
        out.writeInt(0);
        while (nextBatch(reader, select)) {
          writeBatch(reader.getVectorSchemaRoot(), columns, out);
          out.maybeFlush();
        }
        out.writeShort(-1);
        out.flush();
        return copyIn.endCopy();
      } catch (IOException e) {
        cancel(copyIn);
        SQLException cause = e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), "08006", e);
        throw cause;
      } catch (RuntimeException | SQLException e) {
        cancel(copyIn);
        throw e;
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close the DuckDB result: " + e.getMessage(), e);
    }
  }

  private static DuckDBResultSet run(DuckDBConnection duck, Statement statement, String select) {
    try {
      return statement.executeQuery(select).unwrap(DuckDBResultSet.class);
    } catch (SQLException e) {
      if (StreamedErrorRecovery.isLostError(e)) {
        throw StreamedErrorRecovery.recover(duck, select, List.of(), e);
      }
      throw DuckDbErrors.translate(e, select);
    }
  }

  /** The next Arrow batch; DuckDB's failures while streaming become platform errors here. */
  private static boolean nextBatch(ArrowReader reader, String select) {
    try {
      return reader.loadNextBatch();
    } catch (IOException | RuntimeException e) {
      String message = e.getMessage() == null ? e.toString() : e.getMessage();
      throw DuckDbErrors.translate(message, select, e);
    }
  }

  private static void writeBatch(VectorSchemaRoot root, List<CopyColumn> columns, PgOutput out) {
    List<FieldVector> vectors = root.getFieldVectors();
    int rows = root.getRowCount();
    int count = columns.size();
    PgCodec[] codecs = new PgCodec[count];
    for (int i = 0; i < count; i++) {
      codecs[i] = columns.get(i).codec();
    }
    for (int row = 0; row < rows; row++) {
      out.writeShort(count);
      for (int i = 0; i < count; i++) {
        FieldVector vector = vectors.get(i);
        if (vector.isNull(row)) {
          out.writeInt(-1);
        } else {
          codecs[i].write(vector, row, out);
        }
      }
    }
  }

  private static void cancel(CopyIn copyIn) {
    try {
      if (copyIn.isActive()) {
        copyIn.cancelCopy();
      }
    } catch (SQLException e) {
      // The transaction is rolled back by the caller; the original failure is the one to report.
    }
  }

  /** The query's output columns and DuckDB types, in order. */
  private static Map<String, String> describe(DuckDBConnection duck, String query) {
    String sql = "DESCRIBE " + query;
    Map<String, String> columns = new LinkedHashMap<>();
    try (Statement statement = duck.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        if (columns.put(rows.getString("column_name"), rows.getString("column_type")) != null) {
          throw new PlatformException(SqlState.AMBIGUOUS_COLUMN,
              "the query returns two columns named \"" + rows.getString("column_name") + "\"; alias one of them");
        }
      }
      return columns;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, query);
    }
  }

  private Map<String, CopyColumn> existingColumns(Connection pg, String qualified) throws SQLException {
    Map<String, CopyColumn> columns = new LinkedHashMap<>();
    try (PreparedStatement statement = pg.prepareStatement(COLUMNS)) {
      statement.setString(1, qualified);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          String name = rows.getString(1);
          int oid = rows.getInt(2);
          int typmod = rows.getInt(3);
          PgCodec codec = PgCodecs.exact(oid).orElseThrow(() -> new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
              "column \"" + name + "\" of " + target.displayName() + " has type " + uncheckedString(rows)
                  + ", which exports cannot write"));
          columns.put(name, new CopyColumn(name, codec, typmod));
        }
      }
    }
    return columns;
  }

  private static String uncheckedString(ResultSet rows) {
    try {
      return rows.getString(4);
    } catch (SQLException e) {
      return "(unknown)";
    }
  }

  private static List<String> primaryKey(Connection pg, String qualified) throws SQLException {
    List<String> keys = new ArrayList<>();
    try (PreparedStatement statement = pg.prepareStatement(PRIMARY_KEY)) {
      statement.setString(1, qualified);
      try (ResultSet rows = statement.executeQuery()) {
        while (rows.next()) {
          keys.add(rows.getString(1));
        }
      }
    }
    return keys;
  }

  /** Hands the encoder's chunks to PostgreSQL as CopyData messages. */
  private static final class CopyInStream extends OutputStream {
    private final CopyIn copyIn;

    CopyInStream(CopyIn copyIn) {
      this.copyIn = copyIn;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      try {
        copyIn.writeToCopy(bytes, offset, length);
      } catch (SQLException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }
}
