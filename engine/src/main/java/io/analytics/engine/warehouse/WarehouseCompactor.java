package io.analytics.engine.warehouse;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.engine.duckdb.SqlIdentifiers;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shrinks the warehouse file. DuckDB reuses freed blocks but never returns them to the file
 * system, so the file only grows; copying the database into a fresh file and renaming it over the
 * old one (atomically, after fsync) gives the space back. Needs the file to itself: run it only
 * when no gateway holds the warehouse.
 */
public final class WarehouseCompactor {
  private final Path warehouseFile;
  private final DuckDbConfig config;

  public WarehouseCompactor(Path warehouseFile, DuckDbConfig config) {
    this.warehouseFile = requireNonNull(warehouseFile, "warehouseFile is null");
    this.config = requireNonNull(config, "config is null");
  }

  /** Sizes of the warehouse file before and after compaction, in bytes. */
  public record Result(long bytesBefore, long bytesAfter) {}

  public Result compact() {
    long before = size(warehouseFile);
    Path staging = warehouseFile.resolveSibling(warehouseFile.getFileName() + ".compacting");
    deleteIfExists(staging);
    try (DuckDbDatabase scratch = DuckDbDatabase.inMemory(config)) {
      scratch.execute("ATTACH " + SqlIdentifiers.literal(warehouseFile.toString()) + " AS old_warehouse (READ_ONLY)");
      scratch.execute("ATTACH " + SqlIdentifiers.literal(staging.toString()) + " AS new_warehouse");
      scratch.execute("COPY FROM DATABASE old_warehouse TO new_warehouse");
      scratch.execute("DETACH new_warehouse");
      scratch.execute("DETACH old_warehouse");
    } catch (PlatformException e) {
      deleteIfExists(staging);
      throw e;
    }
    deleteIfExists(staging.resolveSibling(staging.getFileName() + ".wal"));
    DurableFiles.fsync(staging);
    DurableFiles.move(staging, warehouseFile);
    return new Result(before, size(warehouseFile));
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read the size of " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteIfExists(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
