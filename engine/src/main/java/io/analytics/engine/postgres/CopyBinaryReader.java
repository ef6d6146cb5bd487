package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Decodes a {@code COPY ... TO STDOUT (FORMAT binary)} stream into Arrow batches, lazily, so DuckDB
 * can pull it through the Arrow C stream interface without the table ever being held in memory. A
 * failure while reading is kept ({@link #failure()}): DuckDB only passes its message on.
 */
final class CopyBinaryReader extends ArrowReader {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

  private final InputStream stream;
  private final PgInput in;
  private final List<SourceColumn> columns;
  private final int batchRows;
  private boolean headerRead;
  private boolean finished;
  private long rows;
  private volatile Exception failure;

  /** Hears the running row count after each batch (a sync's progress). */
  private final java.util.function.LongConsumer rowsSoFar;

  CopyBinaryReader(BufferAllocator allocator, InputStream stream, List<SourceColumn> columns, int batchRows) {
    this(allocator, stream, columns, batchRows, rows -> {});
  }

  CopyBinaryReader(BufferAllocator allocator, InputStream stream, List<SourceColumn> columns, int batchRows,
      java.util.function.LongConsumer rowsSoFar) {
    super(allocator);
    this.rowsSoFar = requireNonNull(rowsSoFar, "rowsSoFar is null");
    this.stream = requireNonNull(stream, "stream is null");
    this.in = new PgInput(stream);
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.batchRows = batchRows;
  }

  /** Rows decoded so far. */
  long rows() {
    return rows;
  }

  /** What went wrong while decoding, or null. */
  Exception failure() {
    return failure;
  }

  @Override
  protected Schema readSchema() {
    List<Field> fields = new ArrayList<>();
    for (SourceColumn column : columns) {
      fields.add(column.codec().field(column.name(), column.typmod()));
    }
    return new Schema(fields);
  }

  @Override
  public boolean loadNextBatch() throws IOException {
    if (failure != null) {
      // The stream is unusable after a failure; the first failure is the one to report.
      throw new IOException(failure.getMessage(), failure);
    }
    try {
      return decodeBatch();
    } catch (IOException | RuntimeException e) {
      failure = e;
      throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
    }
  }

  private boolean decodeBatch() throws IOException {
    prepareLoadNextBatch();
    VectorSchemaRoot root = getVectorSchemaRoot();
    if (finished) {
      root.setRowCount(0);
      return false;
    }
    if (!headerRead) {
      readHeader();
    }
    root.clear();
    root.allocateNew();
    List<FieldVector> vectors = root.getFieldVectors();
    int row = 0;
    while (row < batchRows) {
      short fields = in.readShort();
      if (fields == -1) {
        finished = true;
        break;
      }
      if (fields != columns.size()) {
        throw new IOException("a COPY row has " + fields + " fields, expected " + columns.size());
      }
      for (int i = 0; i < fields; i++) {
        int length = in.readInt();
        FieldVector vector = vectors.get(i);
        if (length < 0) {
          PgCodecs.setNull(vector, row);
        } else {
          try {
            columns.get(i).codec().read(in, length, vector, row);
          } catch (IOException | RuntimeException e) {
            throw new IOException("column \"" + columns.get(i).name() + "\": " + e.getMessage(), e);
          }
        }
      }
      row++;
    }
    root.setRowCount(row);
    rows += row;
    rowsSoFar.accept(rows);
    return row > 0 || !finished;
  }

  private void readHeader() throws IOException {
    byte[] signature = new byte[SIGNATURE.length];
    in.readFully(signature, signature.length);
    if (!Arrays.equals(signature, SIGNATURE)) {
      throw new IOException("not a binary COPY stream");
    }
    in.readInt(); // flags
    in.skip(in.readInt()); // header extension
    headerRead = true;
  }

  @Override
  public long bytesRead() {
    return in.bytesRead();
  }

  @Override
  protected void closeReadSource() throws IOException {
    stream.close();
  }
}
