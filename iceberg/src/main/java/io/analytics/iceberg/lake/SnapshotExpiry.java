package io.analytics.iceberg.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.iceberg.catalog.LakeCatalog;
import io.analytics.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.iceberg.ExpireSnapshots;

/**
 * Expires the snapshots of a lake table but its current one. Only Iceberg's own metadata files
 * (manifests, manifest lists under the catalog's metadata folder) are deleted: the data files are
 * the lake's, which has already removed the ones no current snapshot names.
 */
final class SnapshotExpiry {
  private final Path metadataDir;

  SnapshotExpiry(LakeCatalog catalog) {
    this.metadataDir = LakeCatalog.metadataDir(requireNonNull(catalog, "catalog is null").home()).toAbsolutePath().normalize();
  }

  void expireAllButCurrent(ExpireSnapshots expire) {
    expire.expireOlderThan(Long.MAX_VALUE).retainLast(1).deleteWith(this::deleteMetadataFile).commit();
  }

  private void deleteMetadataFile(String location) {
    Path path = LocalFileIO.toPath(location).toAbsolutePath().normalize();
    if (!path.startsWith(metadataDir)) {
      return;
    }
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }
}
