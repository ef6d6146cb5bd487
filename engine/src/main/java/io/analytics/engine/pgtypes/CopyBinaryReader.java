package io.analytics.engine.pgtypes;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongConsumer;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Decodes a stream in PostgreSQL's binary COPY format (signature, flags, header extension, rows of
 * a field count and length-prefixed values, an optional -1 trailer) into Arrow batches, lazily, so
 * DuckDB can pull it through the Arrow C stream interface without the table ever being held in
 * memory. It checks the stream as PostgreSQL's COPY FROM does: a malformed stream is 22P04, a value
 * whose bytes do not fit its type 22P03. A failure is kept ({@link #failure()}): DuckDB only passes
 * its message on.
 */
public final class CopyBinaryReader extends ArrowReader {
  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

  private final InputStream stream;
  private final PgInput in;
  private final List<CopyColumn> columns;
  private final int batchRows;
  /** Hears the running row count after each batch (a sync's progress). */
  private final LongConsumer rowsSoFar;
  private boolean headerRead;
  private boolean finished;
  private long rows;
  private volatile PlatformException failure;

  public CopyBinaryReader(BufferAllocator allocator, InputStream stream, List<CopyColumn> columns, int batchRows) {
    this(allocator, stream, columns, batchRows, rows -> {});
  }

  public CopyBinaryReader(BufferAllocator allocator, InputStream stream, List<CopyColumn> columns, int batchRows,
      LongConsumer rowsSoFar) {
    super(allocator);
    this.rowsSoFar = requireNonNull(rowsSoFar, "rowsSoFar is null");
    this.stream = requireNonNull(stream, "stream is null");
    this.in = new PgInput(stream);
    this.columns = List.copyOf(requireNonNull(columns, "columns is null"));
    this.batchRows = batchRows;
  }

  /** The 11-byte signature every binary COPY stream starts with. */
  public static byte[] signature() {
    return SIGNATURE.clone();
  }

  /** Rows decoded so far. */
  public long rows() {
    return rows;
  }

  /** What went wrong while decoding (22P04, 22P03, or the stream's own failure as its cause), or null. */
  public PlatformException failure() {
    return failure;
  }

  @Override
  protected Schema readSchema() {
    List<Field> fields = new ArrayList<>();
    for (CopyColumn column : columns) {
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
    } catch (EOFException e) {
      failure = badFormat("unexpected EOF in COPY data");
    } catch (IOException e) {
      failure = new PlatformException(SqlState.BAD_COPY_FILE_FORMAT, "cannot read COPY data: " + e.getMessage(), e);
    } catch (PlatformException e) {
      failure = e;
    } catch (RuntimeException e) {
      failure = new PlatformException(SqlState.INVALID_BINARY_REPRESENTATION, "incorrect binary data format: " + e.getMessage(), e);
    }
    throw new IOException(failure.getMessage(), failure);
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
      if (in.atEnd()) {
        // The end of the data without the trailer ends the rows too, as in PostgreSQL.
        finished = true;
        break;
      }
      short fields = in.readShort();
      if (fields == -1) {
        if (!in.atEnd()) {
          throw badFormat("received copy data after EOF marker");
        }
        finished = true;
        break;
      }
      if (fields != columns.size()) {
        throw badFormat("row field count is " + fields + ", expected " + columns.size());
      }
      for (int i = 0; i < fields; i++) {
        readField(i, vectors.get(i), row);
      }
      row++;
    }
    root.setRowCount(row);
    rows += row;
    rowsSoFar.accept(rows);
    return row > 0 || !finished;
  }

  private void readField(int column, FieldVector vector, int row) throws IOException {
    int length = in.readInt();
    if (length == -1) {
      PgCodecs.setNull(vector, row);
      return;
    }
    if (length < -1) {
      throw badFormat("invalid field size");
    }
    CopyColumn target = columns.get(column);
    long start = in.consumed();
    try {
      target.codec().read(in, length, vector, row);
    } catch (EOFException e) {
      throw e;
    } catch (IOException | ArithmeticException | IllegalArgumentException e) {
      throw badValue(target, e.getMessage());
    } catch (PlatformException e) {
      throw new PlatformException(e.sqlState(), e.getMessage() + " (column \"" + target.name() + "\", row " + (rows + row + 1) + ")", e);
    }
    if (in.consumed() - start != length) {
      throw badValue(target, "the value's " + length + " bytes do not match its type " + target.pgType());
    }
  }

  private void readHeader() throws IOException {
    byte[] signature = new byte[SIGNATURE.length];
    try {
      in.readFully(signature, signature.length);
    } catch (EOFException e) {
      throw badFormat("COPY file signature not recognized");
    }
    if (!Arrays.equals(signature, SIGNATURE)) {
      throw badFormat("COPY file signature not recognized");
    }
    int flags;
    int extension;
    try {
      flags = in.readInt();
      extension = in.readInt();
    } catch (EOFException e) {
      throw badFormat("invalid COPY file header (missing flags)");
    }
    if ((flags & (1 << 16)) != 0) {
      throw badFormat("invalid COPY file header (WITH OIDS)");
    }
    if ((flags >>> 16) != 0) {
      throw badFormat("unrecognized critical flags in COPY file header");
    }
    if (extension < 0) {
      throw badFormat("invalid COPY file header (missing length)");
    }
    try {
      in.skip(extension);
    } catch (EOFException e) {
      throw badFormat("invalid COPY file header (wrong length)");
    }
    headerRead = true;
  }

  private static PlatformException badFormat(String message) {
    return new PlatformException(SqlState.BAD_COPY_FILE_FORMAT, message);
  }

  private PlatformException badValue(CopyColumn column, String why) {
    return new PlatformException(SqlState.INVALID_BINARY_REPRESENTATION,
        "incorrect binary data format in column \"" + column.name() + "\" (" + column.pgType() + "): " + why);
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
