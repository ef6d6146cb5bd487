package io.analytics.gateway.replica;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.dialect.LockedConfiguration;
import java.nio.file.Path;
import java.util.List;

/** The last step of opening a read-only serving instance (the readers' and app's), once its catalogs are in place. */
final class ReadOnlyInstances {
  private ReadOnlyInstances() {}

  /**
   * Lets {@code database} read only {@code readable}, keeps Parquet footers in memory, and locks its configuration.
   * Lake views attached after this change no setting: nothing is SET on the instance any more.
   */
  static void lockDown(DuckDbDatabase database, List<Path> readable) {
    database.restrictFileAccess(readable);
    database.cacheParquetMetadata();
    LockedConfiguration.lock(database);
  }
}
