package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.pgtypes.CopyBinaryReader;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.types.ColumnType;
import io.analytics.gateway.types.ColumnWriter;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * Writes rows in PostgreSQL's binary COPY format: a header (signature, flags, empty extension),
 * each row as a field count and length-prefixed values in their types' binary form (the writers
 * DataRow uses, so both agree), and a -1 trailer. As PostgreSQL does, the header goes in the first
 * row's CopyData message (psycopg 3 reads it there), and the trailer in a message of its own.
 */
final class BinaryCopyRows implements ResultReceiver.CopyRowEncoder {
  private static final byte[] SIGNATURE = CopyBinaryReader.signature();

  private boolean headerWritten;

  BinaryCopyRows() {}

  private BinaryCopyRows(boolean headerWritten) {
    this.headerWritten = headerWritten;
  }

  /** Refuses, before any data is sent, a column whose type has no binary form here. */
  static void requireBinaryOutput(List<ResultColumn> columns, List<ColumnType> types) {
    for (int i = 0; i < types.size(); i++) {
      if (!types.get(i).type().binaryOutput()) {
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY in binary format does not support column \""
            + columns.get(i).name() + "\" of type " + types.get(i).type().name());
      }
    }
  }

  private void writeHeaderOnce(ByteBuf out) {
    if (headerWritten) {
      return;
    }
    headerWritten = true;
    out.writeBytes(SIGNATURE);
    out.writeInt(0); // flags: no OIDs
    out.writeInt(0); // header extension length
  }

  @Override
  public void write(ColumnWriter[] writers, int row, ByteBuf out) {
    writeRow(writers, row, out);
  }

  /**
   * Encoders of rows without the header for other threads, once this one has written it: the batch
   * holding the first row is encoded here (asked before then, the supplier gives null), so the header
   * is in the first row's message and only there.
   */
  @Override
  public java.util.function.Supplier<ResultReceiver.CopyRowEncoder> forAnotherThread() {
    return () -> headerWritten ? new BinaryCopyRows(true) : null;
  }

  void writeRow(ColumnWriter[] writers, int row, ByteBuf out) {
    writeHeaderOnce(out);
    out.writeShort(writers.length);
    for (ColumnWriter writer : writers) {
      if (writer.isNull(row)) {
        out.writeInt(-1);
        continue;
      }
      int lengthIndex = out.writerIndex();
      out.writeInt(0);
      writer.writeBinary(row, out);
      out.setInt(lengthIndex, out.writerIndex() - lengthIndex - 4);
    }
  }

  void writeTrailer(ByteBuf out) {
    writeHeaderOnce(out);
    out.writeShort(-1);
  }
}
