package io.analytics.engine.ingest;

import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.lake.BatchIds;
import io.analytics.engine.lake.LakeSession;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.HexFormat;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowStreamReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;

/**
 * An Arrow batch, handed to DuckDB through the Arrow C stream interface (no row-by-row copy) and
 * materialized as a temporary table; its content hash is that of its Arrow IPC encoding.
 */
final class ArrowBatchSource implements BatchSource {
  private final byte[] ipc;

  ArrowBatchSource(VectorSchemaRoot root) {
    requireNonNull(root, "root is null");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ArrowStreamWriter writer = new ArrowStreamWriter(root, null, out)) {
      writer.start();
      writer.writeBatch();
      writer.end();
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot encode the Arrow batch: " + e.getMessage(), e);
    }
    this.ipc = out.toByteArray();
  }

  @Override
  public String contentHash() {
    return HexFormat.of().formatHex(BatchIds.sha256().digest(ipc));
  }

  @Override
  public String description() {
    return "arrow batch";
  }

  @Override
  public boolean hasRowNumbers() {
    return true;
  }

  @Override
  public void register(LakeSession session, String name, boolean allText) {
    String streamName = "__arrow_" + name;
    try (BufferAllocator allocator = new RootAllocator();
        ArrowStreamReader reader = new ArrowStreamReader(new ByteArrayInputStream(ipc), allocator);
        ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
      Data.exportArrayStream(allocator, reader, stream);
      session.connection().registerArrowStream(streamName, stream);
      session.execute(
          "CREATE OR REPLACE TEMP TABLE " + quote(name) + " AS SELECT *, row_number() OVER () AS "
              + quote(ValidationQuery.ROW_NUMBER_COLUMN) + " FROM " + quote(streamName));
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read the Arrow batch: " + e.getMessage(), e);
    }
  }
}
