package io.analytics.engine.ingest;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A batch's content hash computed on another thread, so that reading a large source file to hash it
 * overlaps opening the pipeline's DuckDB session and scanning the file for malformed records instead
 * of preceding them. The hash is awaited before anything depends on it (the re-ingest check, the
 * batch id in file names).
 */
final class ContentHashing {
  private static final ExecutorService HASHERS = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "ingest-hash");
    thread.setDaemon(true);
    return thread;
  });

  private final CompletableFuture<String> hash;

  private ContentHashing(CompletableFuture<String> hash) {
    this.hash = requireNonNull(hash, "hash is null");
  }

  /** Starts hashing {@code source}'s content. */
  static ContentHashing start(BatchSource source) {
    requireNonNull(source, "source is null");
    return new ContentHashing(CompletableFuture.supplyAsync(source::contentHash, HASHERS));
  }

  /** The hash, waiting for it; a failure to read the source is rethrown as it was raised. */
  String await() {
    try {
      return hash.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new PlatformException(SqlState.IO_ERROR, "cannot hash the source: " + e.getCause(), e.getCause());
    }
  }
}
