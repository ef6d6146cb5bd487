package io.analytics.iceberg.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.iceberg.catalog.LakeCatalog;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The catalog a recovery opened, kept open for the first commit that follows in the same process:
 * an ingest recovers the lake and commits seconds later, and opening the catalog (a JDBC pool, the
 * catalog's tables checked or created) was about 6% of an ingest, paid twice. Held for one home at
 * a time and closed when taken over, replaced, or unused for {@link #KEEP_SECONDS} (a gateway that
 * recovers at start and commits much later opens a fresh one then).
 */
final class KeptCatalog {
  static final long KEEP_SECONDS = 30;

  private final ScheduledExecutorService expiry;
  private final long keepMillis;
  private Path home;
  private LakeCatalog catalog;
  private ScheduledFuture<?> closing;

  KeptCatalog(ScheduledExecutorService expiry, long keepMillis) {
    this.expiry = requireNonNull(expiry, "expiry is null");
    this.keepMillis = keepMillis;
  }

  /** One daemon thread that only closes catalogs nobody took. */
  static KeptCatalog withDaemonExpiry() {
    return new KeptCatalog(Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "iceberg-kept-catalog");
      thread.setDaemon(true);
      return thread;
    }), TimeUnit.SECONDS.toMillis(KEEP_SECONDS));
  }

  /** Keeps {@code kept} for {@code root}'s next commit, closing the one kept before. */
  synchronized void keep(Path root, LakeCatalog kept) {
    requireNonNull(kept, "kept is null");
    closeKept();
    home = requireNonNull(root, "root is null");
    catalog = kept;
    closing = expiry.schedule(this::expire, keepMillis, TimeUnit.MILLISECONDS);
  }

  /** The kept catalog of {@code root}, now the caller's to close; empty when none is kept for it. */
  synchronized Optional<LakeCatalog> take(Path root) {
    if (catalog == null || !home.equals(root)) {
      return Optional.empty();
    }
    LakeCatalog taken = catalog;
    closing.cancel(false);
    catalog = null;
    home = null;
    return Optional.of(taken);
  }

  private synchronized void expire() {
    closeKept();
  }

  private void closeKept() {
    if (catalog != null) {
      closing.cancel(false);
      LakeCatalog kept = catalog;
      catalog = null;
      home = null;
      kept.close();
    }
  }
}
