package io.analytics.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.schema.ColumnSpec;
import io.analytics.catalog.schema.CheckSpec;
import io.analytics.catalog.schema.TableSchema;
import io.analytics.engine.lake.LakeFixture;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrowIngestTest {
  @TempDir Path dir;

  @Test
  void anArrowBatchIsValidatedAndWrittenAndItsReplayIsSkipped() {
    LakeFixture lake = LakeFixture.in(dir);
    TableSchema schema = new TableSchema("Counts",
        List.of(ColumnSpec.required("id", "BIGINT"), ColumnSpec.required("label", "VARCHAR")),
        List.of(new CheckSpec("id_positive", "id > 0")));
    IngestionPipeline pipeline = new IngestionPipeline("arrow", lake.config(), "silver.counts", schema, null);
    try (RootAllocator allocator = new RootAllocator();
        BigIntVector ids = new BigIntVector("id", allocator);
        VarCharVector labels = new VarCharVector("label", allocator)) {
      ids.allocateNew(3);
      labels.allocateNew(3);
      long[] values = {1, -2, 3};
      for (int i = 0; i < 3; i++) {
        ids.set(i, values[i]);
        labels.setSafe(i, ("row" + i).getBytes(StandardCharsets.UTF_8));
      }
      ids.setValueCount(3);
      labels.setValueCount(3);
      try (VectorSchemaRoot root = VectorSchemaRoot.of(ids, labels)) {
        root.setRowCount(3);
        IngestResult result = pipeline.ingestArrow(root);
        assertThat(result.rowsWritten()).isEqualTo(2);
        assertThat(result.rejections()).singleElement().satisfies(r -> {
          assertThat(r.rowNumber()).isEqualTo(2L);
          assertThat(r.reason()).contains("id_positive");
        });
        assertThat(pipeline.ingestArrow(root).skipped()).isTrue();
      }
    }
    assertThat(lake.query("SELECT string_agg(label, ',' ORDER BY id) FROM silver.counts")).containsExactly("row0,row2");
  }
}
