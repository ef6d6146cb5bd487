package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.protocol.BackendMessages;
import io.analytics.gateway.server.AdmissionControl;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.types.ColumnType;
import io.analytics.gateway.types.ColumnWriter;
import io.analytics.gateway.types.PgTypes;
import io.analytics.gateway.types.SessionFormat;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.util.ByteProcessor;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * COPY through the protocol. TO STDOUT streams a query's rows as CopyData in text or CSV form.
 * FROM STDIN spools the client's data to a private temporary file (text format is converted to CSV
 * on the way) and then has DuckDB load it with its own COPY, which is atomic: an error anywhere
 * leaves the table unchanged.
 */
final class CopyHandler {

  private final EngineSession engine;
  private final BackendOutput output;
  private final Path tempDir;
  private final StatementExecution execution;
  private CopyIn receiving;

  CopyHandler(EngineSession engine, BackendOutput output, Path tempDir, StatementExecution execution) {
    this.engine = requireNonNull(engine, "engine is null");
    this.output = requireNonNull(output, "output is null");
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
      BackendMessages.copyResponse(output.buffer(), 'H', 0, resultColumns.size());
      CopyOutWriter writer = new CopyOutWriter(format);
      if (format.header()) {
        int start = BackendMessages.beginMessage(output.buffer(), 'd');
        writer.writeHeader(resultColumns, output.buffer());
        BackendMessages.endMessage(output.buffer(), start);
      }
      short[] textFormats = new short[resultColumns.size()];
      ResultCursor cursor = new ResultCursor(rows.stream(), engine, types, textFormats, sessionFormat);
      // One CopyData per row, as PostgreSQL sends them: clients such as psycopg 3 parse each message as one row.
      long count =
          cursor.forEachRow(
              output,
              (writers, row) -> {
                ByteBuf out = output.buffer();
                int start = BackendMessages.beginMessage(out, 'd');
                writer.writeRow(writers, row, out);
                BackendMessages.endMessage(out, start);
                output.flushIfFull();
              });
      BackendMessages.copyDone(output.buffer());
      BackendMessages.commandComplete(output.buffer(), "COPY " + count);
      return count;
    }
  }

  // ------------------------------------------------------------------ COPY FROM STDIN

  private void beginCopyIn(SqlStatement statement, SessionCommand.Copy command, CopyFormat format, StatementExecution.Run run) {
    String columns = command.columns().isEmpty() ? "*" : String.join(", ", command.columns());
    int columnCount;
    // Check the table and columns now, as PostgreSQL does, rather than after the client sent it all.
    try (PreparedQuery probe = engine.prepare("SELECT " + columns + " FROM " + command.source() + " LIMIT 0")) {
      columnCount = probe.columns().size();
    }
    Path file = tempDir.resolve("copy-" + UUID.randomUUID() + ".csv");
    try {
      Files.createDirectories(tempDir);
      OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
      receiving = new CopyIn(statement, command, format, file, stream, format.csv() ? null : new TextToCsv(format, stream), run);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot spool COPY data: " + e.getMessage(), e);
    }
    BackendMessages.copyResponse(output.buffer(), 'G', 0, columnCount);
    output.flush();
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
    String sql = duckDbCopy(copyIn);
    try (AdmissionControl.Turn turn = execution.admit(copyIn.statement());
        PreparedQuery query = engine.prepare(sql);
        QueryResult result = query.execute(List.of())) {
      return result instanceof QueryResult.ChangedRows changed ? changed.count() : 0;
    } catch (PlatformException e) {
      if (e.sqlState() == SqlState.QUERY_CANCELED || e.sqlState() == SqlState.ADMIN_SHUTDOWN) {
        throw e;
      }
      throw new PlatformException(SqlState.BAD_COPY_FILE_FORMAT, e.getMessage(), e.detail(), e.hint(), 0, e);
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
      TextToCsv converter, StatementExecution.Run run) {}

  /** Writes rows in COPY's text or CSV form. */
  static final class CopyOutWriter {
    private final CopyFormat format;
    private final ByteBuf scratch = Unpooled.buffer(256);
    private final byte[] nullBytes;

    /** Text format: a byte that needs no escape. */
    private final ByteProcessor ordinaryText;
    /** CSV: not the delimiter, quote, escape, or a newline. */
    private final ByteProcessor ordinaryCsv;
    /** The bytes text format escapes, as a table: a backslash, the delimiter, \b \t \n \v \f \r (0x08-0x0d). */
    private final boolean[] textSpecial = new boolean[256];

    CopyOutWriter(CopyFormat format) {
      this.format = format;
      this.nullBytes = format.nullString().getBytes(StandardCharsets.UTF_8);
      byte delimiter = (byte) format.delimiter();
      byte quote = (byte) format.quote();
      byte escape = (byte) format.escape();
      for (int b = 0; b < 256; b++) {
        textSpecial[b] = b == '\\' || b == (delimiter & 0xFF) || (b >= 0x08 && b <= 0x0d);
      }
      this.ordinaryText = b -> !textSpecial[b & 0xFF];
      this.ordinaryCsv = b -> b != delimiter && b != quote && b != '\n' && b != '\r' && b != escape;
    }

    /** Whether a value needs COPY text escapes; read straight from the buffer's array when it has one. */
    private boolean hasTextSpecial(ByteBuf buffer, int start, int length) {
      if (!buffer.hasArray()) {
        return buffer.forEachByte(start, length, ordinaryText) >= 0;
      }
      byte[] array = buffer.array();
      int from = buffer.arrayOffset() + start;
      for (int i = from; i < from + length; i++) {
        if (textSpecial[array[i] & 0xFF]) {
          return true;
        }
      }
      return false;
    }

    /** CSV quotes a value holding the delimiter, quote, escape or a newline, and one that reads as the NULL string. */
    private boolean mustQuote(ByteBuf buffer, int start, int length) {
      if (length == 0) {
        return format.nullString().isEmpty();
      }
      if (buffer.forEachByte(start, length, ordinaryCsv) >= 0) {
        return true;
      }
      return length == nullBytes.length && buffer.toString(start, length, StandardCharsets.UTF_8).equals(format.nullString());
    }

    void writeHeader(List<ResultColumn> columns, ByteBuf out) {
      for (int i = 0; i < columns.size(); i++) {
        if (i > 0) {
          out.writeByte(format.delimiter());
        }
        writeCsvValue(Unpooled.wrappedBuffer(columns.get(i).name().getBytes(StandardCharsets.UTF_8)), out);
      }
      out.writeByte('\n');
    }

    void writeRow(ColumnWriter[] writers, int row, ByteBuf out) {
      for (int i = 0; i < writers.length; i++) {
        if (i > 0) {
          out.writeByte(format.delimiter());
        }
        if (writers[i].isNull(row)) {
          out.writeCharSequence(format.nullString(), StandardCharsets.UTF_8);
          continue;
        }
        // Written in place and scanned there: most values need no escaping and are then done.
        int start = out.writerIndex();
        writers[i].writeText(row, out);
        int length = out.writerIndex() - start;
        boolean plain = format.csv()
            ? !mustQuote(out, start, length)
            : !hasTextSpecial(out, start, length);
        if (!plain) {
          scratch.clear();
          scratch.writeBytes(out, start, length);
          out.writerIndex(start);
          if (format.csv()) {
            writeCsvValue(scratch, out);
          } else {
            writeTextValue(scratch, out);
          }
        }
      }
      out.writeByte('\n');
    }

    /** COPY text format: backslash escapes; most values need none and are copied in one go. */
    private void writeTextValue(ByteBuf value, ByteBuf out) {
      byte delimiter = (byte) format.delimiter();
      if (value.forEachByte(ordinaryText) < 0) {
        out.writeBytes(value, value.readerIndex(), value.readableBytes());
        return;
      }
      for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
        byte b = value.getByte(i);
        switch (b) {
          case '\\' -> out.writeByte('\\').writeByte('\\');
          case '\n' -> out.writeByte('\\').writeByte('n');
          case '\r' -> out.writeByte('\\').writeByte('r');
          case '\t' -> out.writeByte('\\').writeByte('t');
          case '\b' -> out.writeByte('\\').writeByte('b');
          case '\f' -> out.writeByte('\\').writeByte('f');
          case 0x0b -> out.writeByte('\\').writeByte('v');
          default -> {
            if (b == delimiter) {
              out.writeByte('\\');
            }
            out.writeByte(b);
          }
        }
      }
    }

    /** CSV: quoted only when needed (delimiter, quote, newline, escape, or text equal to the NULL string). */
    private void writeCsvValue(ByteBuf value, ByteBuf out) {
      byte delimiter = (byte) format.delimiter();
      byte quoteChar = (byte) format.quote();
      byte escape = (byte) format.escape();
      int length = value.readableBytes();
      if (!mustQuote(value, value.readerIndex(), length)) {
        out.writeBytes(value, value.readerIndex(), length);
        return;
      }
      out.writeByte(quoteChar);
      for (int i = value.readerIndex(); i < value.writerIndex(); i++) {
        byte b = value.getByte(i);
        if (b == quoteChar || b == escape) {
          out.writeByte(escape);
        }
        out.writeByte(b);
      }
      out.writeByte(quoteChar);
    }
  }

  /**
   * Converts COPY text format (backslash escapes, a null marker) into CSV that DuckDB reads back
   * exactly: every non-null value quoted, NULL as an unquoted \N.
   */
  static final class TextToCsv {
    private final CopyFormat format;
    private final OutputStream out;
    private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
    private boolean ended;

    TextToCsv(CopyFormat format, OutputStream out) {
      this.format = format;
      this.out = out;
    }

    void accept(byte[] data) throws IOException {
      for (byte b : data) {
        if (ended) {
          return;
        }
        if (b == '\n') {
          flushLine();
        } else {
          line.write(b);
        }
      }
    }

    void finish() throws IOException {
      if (line.size() > 0 && !ended) {
        flushLine();
      }
    }

    private void flushLine() throws IOException {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      if (text.endsWith("\r")) {
        text = text.substring(0, text.length() - 1);
      }
      if (text.equals("\\.")) {
        ended = true;
        return;
      }
      List<String> fields = splitFields(text);
      StringBuilder csv = new StringBuilder(text.length() + 16);
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          csv.append(',');
        }
        String raw = fields.get(i);
        if (raw.equals(format.nullString())) {
          csv.append("\\N");
        } else {
          csv.append('"').append(unescape(raw).replace("\"", "\"\"")).append('"');
        }
      }
      csv.append('\n');
      out.write(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private List<String> splitFields(String text) {
      List<String> fields = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      for (int i = 0; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < text.length()) {
          current.append(c).append(text.charAt(++i));
        } else if (c == format.delimiter()) {
          fields.add(current.toString());
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      fields.add(current.toString());
      return fields;
    }

    private static String unescape(String raw) {
      if (raw.indexOf('\\') < 0) {
        return raw;
      }
      StringBuilder value = new StringBuilder(raw.length());
      for (int i = 0; i < raw.length(); i++) {
        char c = raw.charAt(i);
        if (c != '\\' || i + 1 >= raw.length()) {
          value.append(c);
          continue;
        }
        char next = raw.charAt(++i);
        switch (next) {
          case 'n' -> value.append('\n');
          case 'r' -> value.append('\r');
          case 't' -> value.append('\t');
          case 'b' -> value.append('\b');
          case 'f' -> value.append('\f');
          case 'v' -> value.append('\u000b');
          case 'x' -> {
            int end = i + 1;
            while (end < raw.length() && end < i + 3 && Character.digit(raw.charAt(end), 16) >= 0) {
              end++;
            }
            if (end == i + 1) {
              value.append('x');
            } else {
              value.append((char) Integer.parseInt(raw.substring(i + 1, end), 16));
              i = end - 1;
            }
          }
          default -> {
            if (next >= '0' && next <= '7') {
              int end = i;
              while (end < raw.length() && end < i + 3 && raw.charAt(end) >= '0' && raw.charAt(end) <= '7') {
                end++;
              }
              value.append((char) Integer.parseInt(raw.substring(i, end), 8));
              i = end - 1;
            } else {
              value.append(next);
            }
          }
        }
      }
      return value.toString();
    }
  }
}
