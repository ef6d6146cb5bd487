package io.analytics.engine.ingest;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.home.Layer;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.ProgressListener;

/**
 * How an ingestion behaves.
 *
 * @param layer layer of a target given without one (bronze by default)
 * @param strict refuse the whole batch when any row is invalid, instead of rejecting those rows
 * @param quarantine write rejected rows to the dataset {@code <table>_quarantine} of the same layer
 * @param rejectionSample how many rejected rows the result lists
 * @param progress hears DuckDB's progress on long statements
 * @param hooks failure injection for tests
 */
public record IngestOptions(
    Layer layer, boolean strict, boolean quarantine, int rejectionSample, ProgressListener progress, CommitHooks hooks) {
  public IngestOptions {
    requireNonNull(layer, "layer is null");
    requireNonNull(progress, "progress is null");
    requireNonNull(hooks, "hooks is null");
  }

  public static IngestOptions defaults() {
    return new IngestOptions(Layer.BRONZE, false, true, 20, ProgressListener.NONE, CommitHooks.NONE);
  }

  public IngestOptions withLayer(Layer newLayer) {
    return new IngestOptions(newLayer, strict, quarantine, rejectionSample, progress, hooks);
  }

  public IngestOptions withStrict(boolean newStrict) {
    return new IngestOptions(layer, newStrict, quarantine, rejectionSample, progress, hooks);
  }

  public IngestOptions withQuarantine(boolean newQuarantine) {
    return new IngestOptions(layer, strict, newQuarantine, rejectionSample, progress, hooks);
  }

  public IngestOptions withProgress(ProgressListener newProgress) {
    return new IngestOptions(layer, strict, quarantine, rejectionSample, newProgress, hooks);
  }

  public IngestOptions withHooks(CommitHooks newHooks) {
    return new IngestOptions(layer, strict, quarantine, rejectionSample, progress, newHooks);
  }
}
