package io.analytics.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.lake.LakeFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportPipelineTest {
  @TempDir Path dir;

  @Test
  void exportWritesAGoldTableAndReplacesItOnReExport() {
    LakeFixture lake = LakeFixture.in(dir);
    ExportPipeline export = new ExportPipeline(lake.config());

    ExportResult first = export.exportToParquet("SELECT * FROM range(10) t(n)", "numbers");
    ExportResult second = export.exportToParquet("SELECT * FROM range(3) t(n)", "numbers");

    assertThat(first.table()).isEqualTo("gold.numbers");
    assertThat(first.rows()).isEqualTo(10);
    assertThat(second.rows()).isEqualTo(3);
    assertThat(lake.count("gold.numbers")).isEqualTo(3);
  }

  @Test
  void exportOfNoRowsStillLeavesAQueryableTable() {
    LakeFixture lake = LakeFixture.in(dir);
    new ExportPipeline(lake.config()).exportToParquet("SELECT 1 AS n WHERE false", "empty");
    assertThat(lake.count("gold.empty")).isZero();
  }
}
