package io.analytics.iceberg.lake;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.format.Util;
import org.apache.parquet.format.converter.ParquetMetadataConverter;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Reads a Parquet file's footer (schema, row groups, column statistics) with two reads at the end of
 * the file. parquet-hadoop's own file reader needs Hadoop on the class path; the footer's Thrift
 * structure and its converter do not, which keeps Hadoop out of the gateway's jar.
 */
public final class ParquetFooters {
  private static final int TAIL = 8;
  private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);

  private ParquetFooters() {}

  public static ParquetMetadata read(Path file) {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      long size = channel.size();
      if (size < TAIL + MAGIC.length) {
        throw notParquet(file, "too short");
      }
      ByteBuffer tail = readFully(channel, size - TAIL, TAIL).order(ByteOrder.LITTLE_ENDIAN);
      int footerLength = tail.getInt(0);
      for (int i = 0; i < MAGIC.length; i++) {
        if (tail.get(4 + i) != MAGIC[i]) {
          throw notParquet(file, "no PAR1 magic at its end");
        }
      }
      if (footerLength <= 0 || footerLength > size - TAIL - MAGIC.length) {
        throw notParquet(file, "footer length " + footerLength + " out of range");
      }
      ByteBuffer footer = readFully(channel, size - TAIL - footerLength, footerLength);
      var thrift = Util.readFileMetaData(new ByteArrayInputStream(footer.array(), 0, footerLength));
      return new ParquetMetadataConverter().fromParquetMetadata(thrift);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read the Parquet footer of " + file + ": " + e.getMessage(), e);
    }
  }

  private static ByteBuffer readFully(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining()) {
      if (channel.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("unexpected end of file");
      }
    }
    buffer.flip();
    return buffer;
  }

  private static PlatformException notParquet(Path file, String why) {
    return new PlatformException(SqlState.DATA_EXCEPTION, file + " is not a Parquet file: " + why);
  }
}
