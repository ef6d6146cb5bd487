package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.copy.BinaryCopyIn;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.admission.AdmissionControl;
import io.analytics.gateway.security.StatementGuard;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.types.ColumnType;
import io.analytics.gateway.types.PgTypes;
import io.analytics.gateway.types.SessionFormat;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * COPY through the protocol. TO STDOUT streams a query's rows as CopyData in text, CSV or binary
 * form. FROM STDIN spools the client's data to a private temporary file (text format is converted
 * to CSV on the way) and then has DuckDB load it with its own COPY, or binary data with one INSERT
 * reading the decoded stream ({@link BinaryCopyIn}); both are atomic: an error anywhere leaves the
 * table unchanged.
 */
final class CopyHandler {

  private final EngineSession engine;
  private final ResultReceiver receiver;
  private final Path tempDir;
  private final StatementExecution execution;
  private CopyIn receiving;

  CopyHandler(EngineSession engine, ResultReceiver receiver, Path tempDir, StatementExecution execution) {
    this.engine = requireNonNull(engine, "engine is null");
    this.receiver = requireNonNull(receiver, "receiver is null");
    this.tempDir = requireNonNull(tempDir, "tempDir is null");
    this.execution = requireNonNull(execution, "execution is null");
  }

  boolean isReceiving() {
    return receiving != null;
  }

  /** Runs COPY TO STDOUT completely, or begins COPY FROM STDIN (data arrives in later messages). */
  void start(SqlStatement statement, SessionCommand.Copy command, SessionFormat sessionFormat) {
    CopyFormat format = CopyFormat.of(command.options());
    if (command.toClient()) {
      long rows;
      try (StatementExecution.Run run = execution.run(statement, StatementExecution.Admission.ADMITTED)) {
        rows = copyOut(command, format, sessionFormat);
      }
      execution.completed(statement, rows);
    } else {
      // The timeout covers the whole COPY, waiting for the client's data included, as in PostgreSQL.
      StatementExecution.Run run = execution.run(statement, StatementExecution.Admission.NONE);
      try {
        beginCopyIn(statement, command, format, run);
      } catch (RuntimeException e) {
        run.close();
        throw e;
      }
    }
  }

  // ------------------------------------------------------------------ COPY TO STDOUT

  private long copyOut(SessionCommand.Copy command, CopyFormat format, SessionFormat sessionFormat) {
    String columns = command.columns().isEmpty() ? "*" : String.join(", ", command.columns());
    String sql = "SELECT " + columns + " FROM " + command.source();
    StatementGuard.requireOneStatement(sql);
    try (PreparedQuery query = engine.prepare(sql);
        QueryResult result = query.execute(List.of())) {
      if (!(result instanceof QueryResult.Rows rows)) {
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY query must return rows");
      }
      List<ResultColumn> resultColumns = query.columns();
      List<ColumnType> types = new ArrayList<>();
      for (ResultColumn column : resultColumns) {
        types.add(PgTypes.forDuckDbType(column.duckDbType()));
      }
      if (format.binary()) {
        BinaryCopyRows.requireBinaryOutput(resultColumns, types);
      }
      receiver.copyOutResponse(format.binary(), resultColumns.size());
      CopyOutWriter writer = new CopyOutWriter(format);
      if (format.header()) {
        receiver.copyData(out -> writer.writeHeader(resultColumns, out));
      }
      BinaryCopyRows binary = format.binary() ? new BinaryCopyRows() : null;
      short[] textFormats = new short[resultColumns.size()];
      ResultCursor cursor = new ResultCursor(rows.stream(), engine, types, textFormats, sessionFormat);
      // One CopyData per row, as PostgreSQL sends them: clients such as psycopg 3 parse each message as one row.
      long count = receiver.copyRows(cursor, binary != null ? binary : writer);
      if (binary != null) {
        receiver.copyData(binary::writeTrailer);
      }
      receiver.copyDone();
      receiver.commandComplete("COPY " + count);
      return count;
    }
  }

  // ------------------------------------------------------------------ COPY FROM STDIN

  private void beginCopyIn(SqlStatement statement, SessionCommand.Copy command, CopyFormat format, StatementExecution.Run run) {
    String columns = command.columns().isEmpty() ? "*" : String.join(", ", command.columns());
    List<ResultColumn> targetColumns;
    // Check the table and columns now, as PostgreSQL does, rather than after the client sent it all.
    String probeSql = "SELECT " + columns + " FROM " + command.source() + " LIMIT 0";
    StatementGuard.requireOneStatement(probeSql);
    try (PreparedQuery probe = engine.prepare(probeSql)) {
      targetColumns = probe.columns();
    }
    BinaryCopyIn binaryLoad = format.binary() ? binaryLoad(command, targetColumns) : null;
    Path file = tempDir.resolve("copy-" + UUID.randomUUID() + (format.binary() ? ".bin" : ".csv"));
    try {
      Files.createDirectories(tempDir);
      if (java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
        // The client's rows are private to the gateway's user, whatever the umask.
        Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
      }
      OutputStream spool = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      OutputStream stream = format.csv() ? new CsvEndOfData(format, spool) : spool;
      TextToCsv converter = format.csv() || format.binary() ? null : new TextToCsv(format, stream);
      receiving = new CopyIn(statement, command, format, file, stream, converter, binaryLoad, run, targetColumns);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot spool COPY data: " + e.getMessage(), e);
    }
    receiver.copyInResponse(format.binary(), targetColumns.size());
  }

  /** Binary COPY FROM reads each column in the binary form of the type the column is described as. */
  private static BinaryCopyIn binaryLoad(SessionCommand.Copy command, List<ResultColumn> targetColumns) {
    List<BinaryCopyIn.TargetColumn> targets = new ArrayList<>();
    for (ResultColumn column : targetColumns) {
      ColumnType type = PgTypes.forDuckDbType(column.duckDbType());
      int oid = type.type().oid();
      targets.add(new BinaryCopyIn.TargetColumn(column.name(), oid, type.typmod()));
    }
    return new BinaryCopyIn(command.source(), command.columns(), targets);
  }

  void receive(byte[] data) {
    receiving.run().checkNotCancelled();
    try {
      if (receiving.converter() != null) {
        receiving.converter().accept(data);
      } else {
        receiving.stream().write(data);
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot spool COPY data: " + e.getMessage(), e);
    }
  }

  /** Loads the spooled data into the table; returns the number of rows loaded. */
  long finish() {
    CopyIn copyIn = receiving;
    receiving = null;
    long rows;
    try (StatementExecution.Run run = copyIn.run()) {
      run.checkNotCancelled();
      if (copyIn.converter() != null) {
        copyIn.converter().finish();
      }
      copyIn.stream().close();
      rows = load(copyIn);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot spool COPY data: " + e.getMessage(), e);
    } finally {
      deleteQuietly(copyIn.file());
    }
    execution.completed(copyIn.statement(), rows);
    return rows;
  }

  private long load(CopyIn copyIn) {
    if (copyIn.binaryLoad() != null) {
      try (AdmissionControl.Turn turn = execution.admit(copyIn.statement())) {
        return copyIn.binaryLoad().load(engine, () -> openSpool(copyIn.file()));
      }
    }
    UnconstrainedNumericCopyCheck.check(engine, copyIn.file(), copyIn.format(), copyIn.targets());
    String sql = duckDbCopy(copyIn);
    StatementGuard.requireOneStatement(sql);
    try (AdmissionControl.Turn turn = execution.admit(copyIn.statement());
        PreparedQuery query = engine.prepare(sql);
        QueryResult result = query.execute(List.of())) {
      return result instanceof QueryResult.ChangedRows changed ? changed.count() : 0;
    } catch (PlatformException e) {
      // A row the table refuses (a char(n) or varchar(n) value too long) is PostgreSQL's error, not a malformed file.
      if (e.sqlState() == SqlState.QUERY_CANCELED || e.sqlState() == SqlState.ADMIN_SHUTDOWN
          || e.sqlState() == SqlState.STRING_DATA_RIGHT_TRUNCATION) {
        throw e;
      }
      throw new PlatformException(SqlState.BAD_COPY_FILE_FORMAT, e.getMessage(), e.detail(), e.hint(), 0, e);
    }
  }

  private static InputStream openSpool(Path file) {
    try {
      return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read spooled COPY data: " + e.getMessage(), e);
    }
  }

  private static String duckDbCopy(CopyIn copyIn) {
    CopyFormat format = copyIn.format();
    SessionCommand.Copy command = copyIn.command();
    String columnList = command.columns().isEmpty() ? "" : " (" + String.join(", ", command.columns()) + ")";
    StringBuilder sql = new StringBuilder("COPY ").append(command.source()).append(columnList).append(" FROM ")
        .append(literal(copyIn.file().toString())).append(" (FORMAT csv, AUTO_DETECT false, ALLOW_QUOTED_NULLS false");
    if (format.csv()) {
      sql.append(", DELIMITER ").append(literal(String.valueOf(format.delimiter())))
          .append(", QUOTE ").append(literal(String.valueOf(format.quote())))
          .append(", ESCAPE ").append(literal(String.valueOf(format.escape())))
          .append(", NULL ").append(literal(format.nullString()))
          .append(", HEADER ").append(format.header());
    } else {
      sql.append(", DELIMITER ',', QUOTE '\"', ESCAPE '\"', NULL '\\N', HEADER false");
    }
    return sql.append(')').toString();
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }

  /** Abandons a COPY FROM STDIN in progress, deleting its spool file. */
  void abort() {
    CopyIn copyIn = receiving;
    receiving = null;
    if (copyIn == null) {
      return;
    }
    copyIn.run().close();
    try {
      copyIn.stream().close();
    } catch (IOException e) {
      // Closing a spool file we are about to delete; nothing to report.
    }
    deleteQuietly(copyIn.file());
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover spool file in the private temp directory is harmless and cleaned at start.
    }
  }

  private record CopyIn(SqlStatement statement, SessionCommand.Copy command, CopyFormat format, Path file, OutputStream stream,
      TextToCsv converter, BinaryCopyIn binaryLoad, StatementExecution.Run run, List<ResultColumn> targets) {}
}
