package io.analytics.engine.lake;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.Layer;
import io.analytics.catalog.lake.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakeCommitFeedTest {
  @TempDir Path lake;

  @Test
  void reportsTheBatchesLedgersRecordedSinceItLastLooked() throws Exception {
    Dataset trades = dataset("trades");
    new IngestLedger(trades.directory()).append(entry("b1"));
    LakeCommitFeed feed = new LakeCommitFeed();
    assertThat(feed.since(List.of(trades))).as("where the lake stood at start").isEmpty();

    new IngestLedger(trades.directory()).append(entry("b2"));
    new IngestLedger(trades.directory()).append(entry("b3"));
    assertThat(batches(feed.since(List.of(trades)))).containsExactly("b2", "b3");
    assertThat(feed.since(List.of(trades))).as("nothing new").isEmpty();

    Dataset prices = dataset("prices");
    new IngestLedger(prices.directory()).append(entry("p1"));
    assertThat(batches(feed.since(List.of(trades, prices)))).as("a new dataset").containsExactly("p1");
  }

  @Test
  void aReplacedDatasetReportsTheReplacingBatch() throws Exception {
    Dataset trades = dataset("trades");
    new IngestLedger(trades.directory()).append(entry("b1"));
    new IngestLedger(trades.directory()).append(entry("b2"));
    LakeCommitFeed feed = new LakeCommitFeed();
    feed.since(List.of(trades));

    // A replace swaps the folder: its ledger is a new file holding only the replacing batch ...
    Files.delete(trades.directory().resolve(IngestLedger.FILE_NAME));
    new IngestLedger(trades.directory()).append(entry("r1"));
    assertThat(batches(feed.since(List.of(trades)))).containsExactly("r1");

    // ... or the old batches carried over (compaction), then the replacing one.
    Files.delete(trades.directory().resolve(IngestLedger.FILE_NAME));
    for (String batch : List.of("b1", "b2", "c1")) {
      new IngestLedger(trades.directory()).append(entry(batch));
    }
    assertThat(batches(feed.since(List.of(trades)))).containsExactly("c1");
  }

  private Dataset dataset(String name) throws Exception {
    return new Dataset(Layer.BRONZE, name, Files.createDirectories(lake.resolve("bronze").resolve(name)));
  }

  private static LedgerEntry entry(String batch) {
    return new LedgerEntry(batch, "hash-" + batch, "test.csv", 10, 0, 1, "2026-01-01T00:00:00Z");
  }

  private static List<String> batches(List<LakeCommitFeed.Commit> commits) {
    return commits.stream().map(commit -> commit.entry().batchId()).toList();
  }
}
