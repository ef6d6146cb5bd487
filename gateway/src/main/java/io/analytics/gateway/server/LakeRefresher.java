package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeChangeCounter;
import io.analytics.catalog.lake.LakeChangeMarker;
import io.analytics.catalog.home.Layer;
import io.analytics.gateway.cache.LakeVersions;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the lake's views in step with the folders on disk, so datasets written by any pipeline
 * (even another process) are queryable without a restart. The check before each statement reads
 * the lake's change counter (a word of shared memory, see {@link LakeChangeCounter}) and, at most
 * every half second, lists each layer; views are only recreated when something changed.
 */
final class LakeRefresher implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(LakeRefresher.class);

  private final PlatformHome home;
  private final io.analytics.engine.lake.LakeViewCatalog views;
  private final List<io.analytics.engine.lake.LakeViewCatalog> followers;
  private final LakeChangeMarker marker;
  private final LakeChangeCounter changes;
  private final LakeVersions versions;
  private final Consumer<List<Dataset>> refreshed;
  // Volatile: the check before each statement reads them without the lock (see run()).
  private volatile long seenVersion = -1;
  /** The change counter as read before the marker that gave seenVersion (see run()). */
  private volatile long seenCounter = LakeChangeCounter.UNKNOWN;
  private volatile Set<String> folders = Set.of();
  private volatile Set<String> exposed = Set.of();
  /** Whether every folder of the last listing is exposed as a view. */
  private volatile boolean allExposed = true;
  private volatile long listedAt = System.nanoTime();
  private static final long LISTING_INTERVAL_NANOS = 500_000_000L;
  private static final long ABANDONED_JOURNAL_MILLIS = 30_000L;

  LakeRefresher(PlatformHome home, io.analytics.engine.lake.LakeViewCatalog views) {
    this(home, views, List.of(), new LakeVersions(), datasets -> { });
  }

  /**
   * {@code followers} are refreshed along with {@code views} (the views of other DuckDB instances);
   * {@code versions} gets the signatures of the datasets each refresh exposes (for the result cache);
   * {@code refreshed} is told what every refresh exposed, once the views show it (the lake's commit notifications).
   */
  LakeRefresher(PlatformHome home, io.analytics.engine.lake.LakeViewCatalog views, List<? extends io.analytics.engine.lake.LakeViewCatalog> followers,
      LakeVersions versions,
      Consumer<List<Dataset>> refreshed) {
    this.refreshed = requireNonNull(refreshed, "refreshed is null");
    this.versions = requireNonNull(versions, "versions is null");
    this.followers = List.copyOf(followers);
    this.home = requireNonNull(home, "home is null");
    this.views = requireNonNull(views, "views is null");
    this.marker = new LakeChangeMarker(home);
    this.changes = LakeChangeCounter.open(home);
    versions.currentWhen(this::isCurrent);
  }

  /**
   * Whether {@link #run} would find nothing to do: the change counter is the one the views reflect
   * and the listing is fresh. Reads memory only; false where the counter could not be mapped.
   */
  boolean isCurrent() {
    long counter = changes.read();
    return counter != LakeChangeCounter.UNKNOWN && counter == seenCounter && listingFresh();
  }

  /** Creates the views for everything on disk now. */
  synchronized void refreshNow() {
    refreshNow(changes.read());
  }

  /** @param counter the change counter, read before the marker */
  private void refreshNow(long counter) {
    long version = marker.version();
    try {
      List<Dataset> datasets = views.refresh();
      for (io.analytics.engine.lake.LakeViewCatalog follower : followers) {
        follower.refresh();
      }
      versions.update(datasets);
      Set<String> names = new TreeSet<>();
      for (Dataset dataset : datasets) {
        names.add(dataset.qualifiedName());
      }
      exposed = names;
      listed(listFolders());
      LOG.debug("lake exposes {}", exposed);
      try {
        refreshed.accept(datasets);
      } catch (RuntimeException e) {
        LOG.warn("cannot notify the lake's commits: {}", e.getMessage());
      }
    } finally {
      // Published last: a session that skips the lock must not see the version before its views.
      seenVersion = version;
      seenCounter = counter;
    }
  }

  private void listed(Set<String> current) {
    folders = current;
    allExposed = exposed.containsAll(current);
  }

  @Override
  public void run() {
    // Pipelines bump the marker after every commit, and then the change counter, a word of shared
    // memory read here before every statement without a system call; only when it moved is the
    // marker itself read (one small file; every time where the counter could not be mapped).
    // Folders copied in by hand show up in the listing, which costs a directory read per layer, so
    // it runs at most every LISTING_INTERVAL; a folder not yet exposed may still be receiving its
    // first files: look again. The check takes no lock: sessions do not wait for each other unless
    // there is something to refresh.
    long counter = changes.read();
    if (listingFresh() && (counter != LakeChangeCounter.UNKNOWN ? counter == seenCounter : marker.version() == seenVersion)) {
      return;
    }
    refreshIfChanged(counter);
  }

  private boolean listingFresh() {
    return System.nanoTime() - listedAt < LISTING_INTERVAL_NANOS && allExposed;
  }

  /** @param counter the change counter, read before the marker is read here */
  private synchronized void refreshIfChanged(long counter) {
    long now = System.nanoTime();
    boolean markerMoved = marker.version() != seenVersion;
    if (!markerMoved && now - listedAt < LISTING_INTERVAL_NANOS && allExposed) {
      // The counter moved with a marker that the last refresh already read.
      seenCounter = counter;
      return;
    }
    listedAt = now;
    Set<String> current = listFolders();
    if (markerMoved || !current.equals(folders) || !exposed.containsAll(current)) {
      if (commitInProgress()) {
        // Its files are being renamed into place: wait for its marker rather than show half a batch.
        return;
      }
      try {
        refreshNow(counter);
      } catch (RuntimeException e) {
        LOG.warn("cannot refresh the lake's views: {}", e.getMessage());
      }
    } else {
      seenCounter = counter;
    }
  }

  /**
   * Whether a commit journal is in the staging area: a pipeline is renaming a batch into place now.
   * One older than {@link #ABANDONED_JOURNAL_MILLIS} was left by a killed pipeline; it is rolled
   * forward here (under the dataset's lock), as the next pipeline run would.
   */
  private boolean commitInProgress() {
    Path staging = home.stagingDir();
    if (!Files.isDirectory(staging)) {
      return false;
    }
    boolean young = false;
    boolean abandoned = false;
    try (DirectoryStream<Path> folders = Files.newDirectoryStream(staging, Files::isDirectory)) {
      for (Path folder : folders) {
        Path journal = folder.resolve(io.analytics.engine.lake.CommitJournal.FILE_NAME);
        if (Files.exists(journal)) {
          long age = System.currentTimeMillis() - Files.getLastModifiedTime(journal).toMillis();
          if (age > ABANDONED_JOURNAL_MILLIS) {
            abandoned = true;
          } else {
            young = true;
          }
        }
      }
    } catch (IOException e) {
      return false;
    }
    if (abandoned) {
      try {
        new io.analytics.engine.lake.DatasetCommitter(home, io.analytics.engine.lake.CommitHooks.NONE).recover(Long.MAX_VALUE);
      } catch (RuntimeException e) {
        LOG.warn("cannot complete an interrupted lake commit: {}", e.getMessage());
      }
    }
    return young;
  }

  private Set<String> listFolders() {
    Set<String> names = new TreeSet<>();
    for (Layer layer : Layer.values()) {
      Path dir = home.layerDir(layer);
      if (!Files.isDirectory(dir)) {
        continue;
      }
      try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
        for (Path child : children) {
          String name = child.getFileName().toString();
          if (!name.startsWith(".") && !name.startsWith("_")) {
            names.add(layer.schemaName() + "." + name);
          }
        }
      } catch (IOException e) {
        LOG.warn("cannot list {}: {}", dir, e.getMessage());
      }
    }
    return names;
  }
}
