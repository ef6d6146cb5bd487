package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The commits made to the lake since it was last asked, by any process: read from the datasets'
 * ledgers ({@link IngestLedger}), which every append and every replace records a batch in. Only a
 * ledger whose file changed is read again. The first call records where each ledger stands and
 * reports nothing; a dataset that appears later reports every batch its ledger holds.
 */
public final class LakeCommitFeed {
  /** One committed batch of one dataset. */
  public record Commit(Dataset dataset, LedgerEntry entry) {
    public Commit {
      requireNonNull(dataset, "dataset is null");
      requireNonNull(entry, "entry is null");
    }
  }

  /** Where a dataset's ledger stood: its file's identity, size and time, and its last batch. */
  private record Seen(Object fileKey, long size, long modified, String lastBatch) {}

  private final Map<Path, Seen> seen = new HashMap<>();
  private boolean started;

  /** The commits recorded in {@code datasets}' ledgers since the previous call, in ledger order. */
  public synchronized List<Commit> since(List<Dataset> datasets) {
    List<Commit> commits = new ArrayList<>();
    Map<Path, Seen> now = new HashMap<>();
    for (Dataset dataset : datasets) {
      Path file = dataset.directory().resolve(IngestLedger.FILE_NAME);
      Seen before = seen.get(dataset.directory());
      Seen stat = stat(file);
      if (stat == null) {
        if (before != null) {
          now.put(dataset.directory(), before);
        }
        continue;
      }
      if (before != null && sameFile(before, stat)) {
        now.put(dataset.directory(), before);
        continue;
      }
      List<LedgerEntry> entries = new IngestLedger(dataset.directory()).entries();
      if (entries.isEmpty()) {
        continue;
      }
      now.put(dataset.directory(), new Seen(stat.fileKey(), stat.size(), stat.modified(), entries.get(entries.size() - 1).batchId()));
      if (started) {
        newEntries(entries, before).forEach(entry -> commits.add(new Commit(dataset, entry)));
      }
    }
    seen.clear();
    seen.putAll(now);
    started = true;
    return commits;
  }

  /**
   * The entries after the last one seen. When that one is gone the dataset was replaced (its new
   * ledger holds the replacing batch last, after any batches it carried over): only the last is new.
   */
  private static List<LedgerEntry> newEntries(List<LedgerEntry> entries, Seen before) {
    if (before == null) {
      return entries;
    }
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).batchId().equals(before.lastBatch())) {
        return entries.subList(i + 1, entries.size());
      }
    }
    return entries.subList(entries.size() - 1, entries.size());
  }

  private static boolean sameFile(Seen before, Seen now) {
    return Objects.equals(before.fileKey(), now.fileKey()) && before.size() == now.size() && before.modified() == now.modified();
  }

  private static Seen stat(Path file) {
    try {
      BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
      return new Seen(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime().toMillis(), null);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      // Unreadable now (being swapped by a replace): looked at again at the next change.
      return null;
    }
  }
}
