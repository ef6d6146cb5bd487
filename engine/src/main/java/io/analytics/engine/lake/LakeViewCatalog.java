package io.analytics.engine.lake;

import io.analytics.catalog.lake.Dataset;
import java.util.List;

/** Where a DuckDB instance finds the lake's datasets as views; brought up to date with what is on disk by {@link #refresh()}. */
public interface LakeViewCatalog {
  /** Makes the views match the lake's datasets now; returns the datasets exposed. */
  List<Dataset> refresh();
}
