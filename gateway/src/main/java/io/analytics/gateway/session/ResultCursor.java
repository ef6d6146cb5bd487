package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.ResultStream;
import io.analytics.gateway.protocol.BackendMessages;
import io.analytics.gateway.types.ColumnType;
import io.analytics.gateway.types.ColumnWriter;
import io.analytics.gateway.types.ColumnWriters;
import io.analytics.gateway.types.SessionFormat;
import io.netty.buffer.ByteBuf;
import java.util.List;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * A position in a streaming result: encodes rows from DuckDB's Arrow batches into DataRow messages,
 * as many as asked for, and remembers where it stopped so a suspended portal can resume.
 */
final class ResultCursor implements AutoCloseable {
  private final ResultStream stream;
  private final EngineSession engine;
  private final List<ColumnType> types;
  private final short[] formats;
  private final SessionFormat format;
  private ColumnWriter[] writers;
  /** The batch the writers read; the engine replaces it by a copy when it parks the result. */
  private VectorSchemaRoot boundBatch;
  private int rowInBatch;
  private int batchRows;
  private boolean finished;

  ResultCursor(ResultStream stream, EngineSession engine, List<ColumnType> types, short[] formats, SessionFormat format) {
    this.stream = requireNonNull(stream, "stream is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.types = List.copyOf(types);
    this.formats = formats.clone();
    this.format = requireNonNull(format, "format is null");
  }

  /**
   * Writes up to {@code maxRows} rows (0 = all) as DataRows; returns how many it wrote. Waits while
   * the client is not reading, and stops early if the client is gone.
   */
  long writeRows(BackendOutput output, long maxRows) {
    // writeDataRow reads only the writers it is given and the result's formats: any thread may run it.
    return write(output, maxRows, this::writeDataRow, () -> this::writeDataRow);
  }

  /**
   * Writes every remaining row as one CopyData message of {@code encoder}'s form (COPY TO STDOUT);
   * returns how many. Batches are encoded on other threads when the encoder has one for them.
   */
  long writeCopyRows(BackendOutput output, ResultReceiver.CopyRowEncoder encoder) {
    java.util.function.Supplier<ResultReceiver.CopyRowEncoder> elsewhere = encoder.forAnotherThread();
    return write(output, 0, (writers, row, out) -> copyData(encoder, writers, row, out), elsewhere == null ? null : () -> {
      ResultReceiver.CopyRowEncoder own = elsewhere.get();
      return own == null ? null : (writers, row, out) -> copyData(own, writers, row, out);
    });
  }

  private static void copyData(ResultReceiver.CopyRowEncoder encoder, ColumnWriter[] writers, int row, ByteBuf out) {
    int start = BackendMessages.beginMessage(out, 'd');
    encoder.write(writers, row, out);
    BackendMessages.endMessage(out, start);
  }

  /**
   * Writes rows until {@code maxRows} (0 = all) or the end, each as {@code rows} encodes it. A whole
   * batch that fits is handed to {@link EncodedBatches} (encoded on another core while DuckDB reads
   * the next) when {@code rowsElsewhere} gives an encoder for another thread; the rest are encoded
   * here, after every batch queued before them has been written, so rows keep their order.
   *
   * @param rowsElsewhere makes a row encoder for another thread (or null, asked batch by batch, to
   *     encode that batch here), or is null to encode every row here
   */
  private long write(BackendOutput output, long maxRows, ResultReceiver.CopyRowEncoder rows,
      java.util.function.Supplier<ResultReceiver.CopyRowEncoder> rowsElsewhere) {
    rebindIfParked();
    long written = 0;
    try (EncodedBatches ahead = new EncodedBatches()) {
      while (maxRows == 0 || written < maxRows) {
        if (!output.isOpen()) {
          throw new ClientGoneException();
        }
        if (engine.cancelReason() != null) {
          throw engine.cancelledError();
        }
        if (rowInBatch >= batchRows) {
          if (!loadNextBatch()) {
            break;
          }
          VectorSchemaRoot batch = stream.batch();
          long left = maxRows == 0 ? Long.MAX_VALUE : maxRows - written;
          ResultReceiver.CopyRowEncoder encoder = rowsElsewhere != null && batchRows >= EncodedBatches.MIN_ROWS
              && batchRows <= left && EncodedBatches.worthwhile(batch) ? rowsElsewhere.get() : null;
          if (encoder != null) {
            ahead.submit(batch, this::writersFor, (writers, count, out) -> {
              for (int row = 0; row < count; row++) {
                encoder.write(writers, row, out);
              }
            });
            written += batchRows;
            rowInBatch = batchRows;
            while (ahead.isFull()) {
              ahead.writeOldest(output);
            }
            continue;
          }
        }
        ahead.writeAll(output);
        rows.write(writers, rowInBatch, output.buffer());
        rowInBatch++;
        written++;
        output.flushIfFull();
      }
      ahead.writeAll(output);
    }
    return written;
  }

  /** The current row as one DataRow message. */
  private void writeRow(ByteBuf out) {
    writeDataRow(writers, rowInBatch, out);
  }

  private void writeDataRow(ColumnWriter[] writers, int row, ByteBuf out) {
    int start = BackendMessages.beginDataRow(out, writers.length);
    for (int column = 0; column < writers.length; column++) {
      ColumnWriter writer = writers[column];
      if (writer.isNull(row)) {
        out.writeInt(-1);
        continue;
      }
      int lengthIndex = out.writerIndex();
      out.writeInt(0);
      if (formats[column] == 1) {
        writer.writeBinary(row, out);
      } else {
        writer.writeText(row, out);
      }
      out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }
    BackendMessages.endMessage(out, start);
  }

  /**
   * Every remaining row as its DataRow message, for a SCROLL cursor that moves back and forth over
   * them; fails with 53200 when they would hold more than {@code maxBytes}.
   */
  List<byte[]> remainingRows(long maxBytes) {
    rebindIfParked();
    List<byte[]> rows = new java.util.ArrayList<>();
    long held = 0;
    ByteBuf scratch = io.netty.buffer.Unpooled.buffer(256);
    try {
      while (rowInBatch < batchRows || loadNextBatch()) {
        if (engine.cancelReason() != null) {
          throw engine.cancelledError();
        }
        scratch.clear();
        writeRow(scratch);
        byte[] row = new byte[scratch.readableBytes()];
        scratch.readBytes(row);
        held += row.length + 16L;
        if (held > maxBytes) {
          throw new io.analytics.catalog.error.PlatformException(io.analytics.catalog.error.SqlState.OUT_OF_MEMORY,
              "out of memory: a SCROLL cursor's rows need more memory than one query may hold in the gateway "
                  + "(gateway.limits.queryMemory, " + maxBytes + " bytes)",
              null, "Declare the cursor NO SCROLL to read it forward without holding its rows, or select fewer rows.", 0, null);
        }
        rows.add(row);
        rowInBatch++;
      }
    } finally {
      scratch.release();
    }
    return rows;
  }

  /** Passes over up to {@code maxRows} rows (0 = all) without sending them, for MOVE; returns how many. */
  long skipRows(long maxRows) {
    rebindIfParked();
    long skipped = 0;
    while (maxRows == 0 || skipped < maxRows) {
      if (rowInBatch >= batchRows && !loadNextBatch()) {
        break;
      }
      if (engine.cancelReason() != null) {
        throw engine.cancelledError();
      }
      long step = Math.min(batchRows - rowInBatch, maxRows == 0 ? Long.MAX_VALUE : maxRows - skipped);
      rowInBatch += (int) step;
      skipped += step;
    }
    return skipped;
  }

  /** Whether every row has been written. */
  boolean isFinished() {
    return finished;
  }

  /** Visits every remaining row's text values, for COPY TO STDOUT. */
  interface RowVisitor {
    void visit(ColumnWriter[] writers, int row);
  }

  long forEachRow(java.util.function.BooleanSupplier clientConnected, RowVisitor visitor) {
    rebindIfParked();
    long count = 0;
    while (rowInBatch < batchRows || loadNextBatch()) {
      if (!clientConnected.getAsBoolean()) {
        throw new ClientGoneException();
      }
      if (engine.cancelReason() != null) {
        throw engine.cancelledError();
      }
      visitor.visit(writers, rowInBatch);
      rowInBatch++;
      count++;
    }
    return count;
  }

  /**
   * Another statement ran since the last rows were written: the engine then parked this result, and
   * the rest of the current batch lives in a copy, not in DuckDB's reused vectors.
   */
  private void rebindIfParked() {
    if (writers != null && rowInBatch < batchRows && stream.batch() != boundBatch) {
      bindWriters(stream.batch());
    }
  }

  private boolean loadNextBatch() {
    if (finished) {
      return false;
    }
    if (!stream.next()) {
      finished = true;
      return false;
    }
    VectorSchemaRoot batch = stream.batch();
    bindWriters(batch);
    rowInBatch = 0;
    batchRows = batch.getRowCount();
    return true;
  }

  private void bindWriters(VectorSchemaRoot batch) {
    writers = writersFor(batch);
    boundBatch = batch;
  }

  /** Writers of this result's types over {@code batch}'s vectors (the stream's current batch, or one detached from it). */
  private ColumnWriter[] writersFor(VectorSchemaRoot batch) {
    List<FieldVector> vectors = batch.getFieldVectors();
    if (vectors.size() != types.size()) {
      throw new io.analytics.catalog.error.PlatformException(
          io.analytics.catalog.error.SqlState.FEATURE_NOT_SUPPORTED,
          "the statement returned " + vectors.size() + " columns but was described with " + types.size()
              + ": DuckDB could not tell its result columns before execution; add casts to its parameters");
    }
    ColumnWriter[] bound = new ColumnWriter[vectors.size()];
    for (int i = 0; i < bound.length; i++) {
      bound[i] = ColumnWriters.bind(types.get(i), vectors.get(i), stream.dictionaries(), format);
    }
    return bound;
  }

  @Override
  public void close() {
    stream.close();
  }
}
