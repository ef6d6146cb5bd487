package io.analytics.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetCommitter;
import io.analytics.engine.lake.LakeFixture;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.ParquetFooterVerifier;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicIngestTest {
  static final String DAY1 = IngestionPipelineTest.GOOD;
  static final String DAY2 =
      IngestionPipelineTest.HEADER
          + "10,2024-01-04T10:00:00Z,AAPL,BUY,1,180,XNAS\n"
          + "11,2024-01-05T10:00:00Z,AAPL,BUY,1,181,XNAS\n"
          + "12,2024-01-08T10:00:00Z,AAPL,BUY,1,182,XNAS\n";

  @TempDir Path dir;
  LakeFixture lake;

  @BeforeEach
  void setUp() {
    lake = LakeFixture.in(dir);
    pipeline(CommitHooks.NONE).ingestCsv(lake.write("day1.csv", DAY1));
  }

  IngestionPipeline pipeline(CommitHooks hooks) {
    return new IngestionPipeline("t", lake.config(), "bronze.trades", StandardSchemas.TRADE, List.of("date"))
        .withOptions(IngestOptions.defaults().withHooks(hooks));
  }

  @Test
  void failureBeforeTheCommitLeavesTheDatasetExactlyAsBefore() {
    List<String> before = lake.dataFiles();
    CommitHooks failing = new CommitHooks() {
      @Override
      public void beforeCommit(Path stagingDirectory) {
        throw new IllegalStateException("injected failure");
      }
    };

    assertThatThrownBy(() -> pipeline(failing).ingestCsv(lake.write("day2.csv", DAY2))).hasMessage("injected failure");

    assertThat(lake.dataFiles()).isEqualTo(before);
    assertThat(lake.count("bronze.trades")).isEqualTo(3);
    IngestResult retry = pipeline(CommitHooks.NONE).ingestCsv(lake.home().root().resolve("input/day2.csv"));
    assertThat(retry.rowsWritten()).isEqualTo(3);
    assertThat(lake.count("bronze.trades")).isEqualTo(6);
  }

  @Test
  void aCrashInTheMiddleOfTheRenamesIsRolledForwardAndNeverDuplicated() {
    CommitHooks crashing = new CommitHooks() {
      @Override
      public void afterFileMoved(int index, Path visibleFile) {
        if (index == 0) {
          throw new IllegalStateException("crash after the first rename");
        }
      }
    };
    Path day2 = lake.write("day2.csv", DAY2);

    assertThatThrownBy(() -> pipeline(crashing).ingestCsv(day2)).hasMessageContaining("crash");
    assertThat(lake.count("bronze.trades")).isEqualTo(4);

    assertThat(new DatasetCommitter(lake.home(), CommitHooks.NONE).recover(0)).isEqualTo(1);
    assertThat(lake.count("bronze.trades")).isEqualTo(6);
    assertThat(pipeline(CommitHooks.NONE).ingestCsv(day2).skipped()).isTrue();
    assertThat(lake.count("bronze.trades")).isEqualTo(6);
  }

  @Test
  void theNextIngestionCompletesAnInterruptedCommitFirst() {
    CommitHooks crashing = new CommitHooks() {
      @Override
      public void afterFileMoved(int index, Path visibleFile) {
        throw new IllegalStateException("crash");
      }
    };
    Path day2 = lake.write("day2.csv", DAY2);
    assertThatThrownBy(() -> pipeline(crashing).ingestCsv(day2)).hasMessageContaining("crash");

    IngestResult again = pipeline(CommitHooks.NONE).ingestCsv(day2);

    assertThat(again.skipped()).isTrue();
    assertThat(lake.count("bronze.trades")).isEqualTo(6);
  }

  @Test
  void aParquetFileWithoutItsFooterIsRefused() throws Exception {
    Path file;
    try (Stream<Path> walk = Files.walk(lake.home().dataDir().resolve("bronze/trades"))) {
      file = walk.filter(p -> p.toString().endsWith(".parquet")).findFirst().orElseThrow();
    }
    Path truncated = dir.resolve("truncated.parquet");
    Files.copy(file, truncated);
    try (RandomAccessFile raf = new RandomAccessFile(truncated.toFile(), "rw")) {
      raf.setLength(raf.length() - 8);
    }
    try (LakeSession session = LakeSession.open(lake.home(), lake.config().platform())) {
      ParquetFooterVerifier verifier = new ParquetFooterVerifier(session.connection());
      assertThat(verifier.verify(List.of(file))).isPositive();
      assertThatThrownBy(() -> verifier.verify(List.of(file, truncated))).hasMessageContaining("not valid");
    }
  }
}
