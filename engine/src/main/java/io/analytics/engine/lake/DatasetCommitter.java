package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeChangeMarker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Makes staged files visible: appends by renaming each verified file into its dataset, or replaces
 * a whole dataset by swapping folders, always behind a durable {@link CommitJournal} so that a
 * crash is rolled forward by {@link #recover()}; then bumps the {@link LakeChangeMarker}.
 */
public final class DatasetCommitter {
  private final PlatformHome home;
  private final CommitHooks hooks;

  public DatasetCommitter(PlatformHome home, CommitHooks hooks) {
    this.home = requireNonNull(home, "home is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
  }

  /**
   * Appends the staged files of {@code stagingDirectory} ({@code moves} give each one's final
   * place) and records {@code entry} in the ledger of {@code ledgerDataset}. Returns the entry of
   * the batch already committed with the same content hash instead, if there is one; then nothing
   * is moved.
   */
  public Optional<LedgerEntry> append(
      Path stagingDirectory, List<CommitJournal.Move> moves, Path ledgerDataset, LedgerEntry entry) {
    hooks.beforeCommit(stagingDirectory);
    List<Path> datasets = new ArrayList<>(new TreeSet<>(moves.stream().map(m -> datasetOf(Path.of(m.to()))).toList()));
    if (ledgerDataset != null && !datasets.contains(ledgerDataset)) {
      datasets.add(ledgerDataset);
    }
    datasets.sort(Comparator.naturalOrder());
    List<DatasetLock> locks = new ArrayList<>();
    try {
      for (Path dataset : datasets) {
        locks.add(DatasetLock.acquire(home, dataset));
      }
      if (ledgerDataset != null && entry != null) {
        Optional<LedgerEntry> previous = new IngestLedger(ledgerDataset).findByContentHash(entry.contentHash());
        if (previous.isPresent()) {
          StagingArea.deleteRecursively(stagingDirectory);
          return previous;
        }
      }
      CommitJournal journal = CommitJournal.append(moves, ledgerDataset, entry);
      journal.writeTo(stagingDirectory);
      rollForward(journal, hooks);
      StagingArea.deleteRecursively(stagingDirectory);
      notifyCommitted(datasets);
    } finally {
      locks.forEach(DatasetLock::close);
    }
    new LakeChangeMarker(home).touch();
    return Optional.empty();
  }

  /**
   * Replaces the dataset folder {@code target} with the staged folder {@code stagedDataset} (which
   * lies inside {@code stagingDirectory}). Readers see the old dataset or the new one, never a mix.
   */
  public void replace(Path stagingDirectory, Path stagedDataset, Path target, LedgerEntry entry) {
    hooks.beforeCommit(stagingDirectory);
    if (entry != null) {
      new IngestLedger(stagedDataset).append(entry);
    }
    try (DatasetLock lock = DatasetLock.acquire(home, target)) {
      CommitJournal journal =
          CommitJournal.replace(stagedDataset, target, stagingDirectory.resolve("replaced"), null);
      journal.writeTo(stagingDirectory);
      rollForward(journal, hooks);
      StagingArea.deleteRecursively(stagingDirectory);
      notifyCommitted(List.of(target));
    }
    new LakeChangeMarker(home).touch();
  }

  /**
   * Completes every commit a crash interrupted (their journals are in the staging area) and removes
   * staging folders abandoned before their commit began, if older than {@code abandonedAfterMillis}
   * (younger ones may belong to a pipeline still running in another process). Returns how many
   * commits were completed.
   */
  public int recover(long abandonedAfterMillis) {
    Path staging = home.stagingDir();
    int completed = Files.isDirectory(staging) ? completeInterrupted(staging, abandonedAfterMillis) : 0;
    for (LakeCommitListener listener : LakeCommitListener.installed()) {
      listener.recovered(home);
    }
    return completed;
  }

  private int completeInterrupted(Path staging, long abandonedAfterMillis) {
    int completed = 0;
    List<Path> folders;
    try (var list = Files.list(staging)) {
      folders = list.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().equals("locks")
          && !p.getFileName().toString().equals("spill")).sorted().toList();
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot list " + staging + ": " + e.getMessage(), e);
    }
    for (Path folder : folders) {
      Optional<CommitJournal> journal = CommitJournal.readFrom(folder);
      if (journal.isPresent()) {
        Path target = journal.get().isReplace()
            ? Path.of(journal.get().replaceTarget())
            : Path.of(journal.get().ledgerDataset() != null
                ? journal.get().ledgerDataset()
                : datasetOf(Path.of(journal.get().moves().get(0).to())).toString());
        try (DatasetLock lock = DatasetLock.acquire(home, target)) {
          // The committing process may have finished while we waited for its lock.
          if (Files.exists(folder.resolve(CommitJournal.FILE_NAME))) {
            rollForward(journal.get(), CommitHooks.NONE);
            StagingArea.deleteRecursively(folder);
            notifyCommitted(List.of(target));
            completed++;
          }
        }
      } else if (isOlderThan(folder, abandonedAfterMillis)) {
        StagingArea.deleteRecursively(folder);
      }
    }
    if (completed > 0) {
      new LakeChangeMarker(home).touch();
    }
    return completed;
  }

  /** Tells the {@link LakeCommitListener}s, in commit order since the datasets' locks are still held. */
  private void notifyCommitted(List<Path> datasets) {
    for (LakeCommitListener listener : LakeCommitListener.installed()) {
      listener.committed(home, datasets);
    }
  }

  /** Applies a journal; every step is skipped when already done, so it can be re-run after a crash. */
  private static void rollForward(CommitJournal journal, CommitHooks hooks) {
    if (journal.isReplace()) {
      Path staged = Path.of(journal.replaceStaged());
      Path target = Path.of(journal.replaceTarget());
      Path trash = Path.of(journal.replaceTrash());
      if (Files.exists(staged)) {
        if (Files.exists(target) && !Files.exists(trash)) {
          DurableFiles.move(target, trash);
        }
        DurableFiles.move(staged, target);
      }
      return;
    }
    int index = 0;
    for (CommitJournal.Move move : journal.moves()) {
      Path from = Path.of(move.from());
      Path to = Path.of(move.to());
      if (Files.exists(from)) {
        DurableFiles.move(from, to);
      }
      hooks.afterFileMoved(index++, to);
    }
    if (journal.ledgerDataset() != null && journal.ledgerEntry() != null) {
      IngestLedger ledger = new IngestLedger(Path.of(journal.ledgerDataset()));
      if (!ledger.containsBatch(journal.ledgerEntry().batchId())) {
        ledger.append(journal.ledgerEntry());
      }
    }
  }

  /** The dataset folder ({@code data/<layer>/<name>}) a path inside the lake belongs to. */
  private Path datasetOf(Path file) {
    Path relative = home.dataDir().relativize(file.toAbsolutePath().normalize());
    if (relative.getNameCount() < 2) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, file + " is not inside a dataset folder");
    }
    return home.dataDir().resolve(relative.getName(0)).resolve(relative.getName(1));
  }

  private static boolean isOlderThan(Path folder, long millis) {
    try {
      return System.currentTimeMillis() - Files.getLastModifiedTime(folder).toMillis() > millis;
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + folder + ": " + e.getMessage(), e);
    }
  }
}
