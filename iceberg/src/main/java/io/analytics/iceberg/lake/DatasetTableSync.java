package io.analytics.iceberg.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.iceberg.catalog.LakeCatalog;
import io.analytics.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.AppendFiles;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.OverwriteFiles;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Makes a dataset's Iceberg table hold exactly the Parquet files its folder holds now, in one
 * Iceberg commit (or none when they already match): an append when files were only added, an
 * overwrite when some were removed (a replace, a compaction), a create-or-replace of the table when
 * its columns or partitions changed. The caller holds the dataset's lock, so commits are made in
 * the lake's order; running it again after a crash finds the difference and commits it once.
 */
public final class DatasetTableSync {
  /** Table property marking the tables the lake owns (others in the catalog are never touched). */
  public static final String MANAGED = "analytics.managed";

  /** What one call did. */
  public enum Outcome { UNCHANGED, CREATED, APPENDED, OVERWRITTEN, REPLACED, DROPPED }

  private final LakeCatalog catalog;

  public DatasetTableSync(LakeCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  public static TableIdentifier identifier(Dataset dataset) {
    return TableIdentifier.of(Namespace.of(dataset.layer().schemaName()), dataset.name());
  }

  public Outcome sync(Dataset dataset) {
    TableIdentifier id = identifier(dataset);
    DatasetFiles files = DatasetFiles.of(dataset.directory());
    boolean exists = catalog.catalog().tableExists(id);
    if (!exists && files.isEmpty()) {
      return Outcome.UNCHANGED;
    }
    Table table = exists ? catalog.catalog().loadTable(id) : null;
    if (table != null && !"true".equals(table.properties().get(MANAGED))) {
      throw new PlatformException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
          "Iceberg table " + id + " was not created by the lake; it is left as it is");
    }
    String fingerprint = DatasetFingerprint.of(files);
    if (table != null && fingerprint.equals(fingerprintOf(table.currentSnapshot()))) {
      return Outcome.UNCHANGED;
    }
    if (files.isEmpty()) {
      catalog.catalog().dropTable(id, false);
      return Outcome.DROPPED;
    }
    Map<String, DataFile> published = table == null ? Map.of() : publishedFiles(table);
    Map<String, Path> lake = new LinkedHashMap<>();
    files.files().forEach(file -> lake.put(LocalFileIO.toLocation(file), file));
    List<Path> added = new ArrayList<>();
    lake.forEach((location, file) -> {
      if (!published.containsKey(location)) {
        added.add(file);
      }
    });
    List<DataFile> removed = new ArrayList<>();
    published.forEach((location, file) -> {
      if (!lake.containsKey(location)) {
        removed.add(file);
      }
    });
    HivePartitions partitions = HivePartitions.of(dataset.directory(), files.files());
    Map<Path, ParquetMetadata> footers = footersOf(added);
    LakeTableShape shape = LakeTableShape.of(
        List.copyOf((added.isEmpty() ? footersOf(files.files().subList(0, 1)) : footers).values()), partitions);
    if (table == null || !shape.fits(table)) {
      footers.putAll(footersOf(files.files().stream().filter(f -> !footers.containsKey(f)).toList()));
      return createOrReplace(dataset, id, table == null, shape, files.files(), footers, fingerprint);
    }
    LakeDataFiles dataFiles = new LakeDataFiles(dataset.directory(), table.schema(), table.spec());
    if (removed.isEmpty()) {
      AppendFiles append = table.newFastAppend();
      dataFiles.of(added, footers).forEach(append::appendFile);
      append.set(DatasetFingerprint.PROPERTY, fingerprint).commit();
      return Outcome.APPENDED;
    }
    // The lake has already deleted the removed files: snapshots that name them are expired with this commit.
    Transaction transaction = table.newTransaction();
    OverwriteFiles overwrite = transaction.newOverwrite();
    removed.forEach(overwrite::deleteFile);
    dataFiles.of(added, footers).forEach(overwrite::addFile);
    overwrite.set(DatasetFingerprint.PROPERTY, fingerprint).commit();
    new SnapshotExpiry(catalog).expireAllButCurrent(transaction.expireSnapshots());
    transaction.commitTransaction();
    return Outcome.OVERWRITTEN;
  }

  private Outcome createOrReplace(Dataset dataset, TableIdentifier id, boolean create, LakeTableShape shape,
      List<Path> files, Map<Path, ParquetMetadata> footers, String fingerprint) {
    catalog.ensureNamespace(id.namespace());
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(MANAGED, "true");
    properties.put(TableProperties.WRITE_METADATA_LOCATION, LocalFileIO.toLocation(
        LakeCatalog.metadataDir(catalog.home()).resolve(dataset.layer().schemaName()).resolve(dataset.name())));
    properties.put(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true");
    properties.put(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "20");
    Transaction transaction = catalog.catalog().buildTable(id, shape.schema())
        .withPartitionSpec(shape.specFor(shape.schema()))
        .withLocation(LocalFileIO.toLocation(dataset.directory()))
        .withProperties(properties)
        .createOrReplaceTransaction();
    Table staged = transaction.table();
    transaction.updateProperties()
        .set(TableProperties.DEFAULT_NAME_MAPPING, LakeDataFiles.nameMappingJson(staged.schema()))
        .commit();
    LakeDataFiles dataFiles = new LakeDataFiles(dataset.directory(), staged.schema(), staged.spec());
    AppendFiles append = transaction.newFastAppend();
    dataFiles.of(files, footers).forEach(append::appendFile);
    append.set(DatasetFingerprint.PROPERTY, fingerprint).commit();
    transaction.commitTransaction();
    if (!create) {
      // The replaced table's files were deleted by the lake's replace: nothing may time-travel to them.
      Table table = catalog.catalog().loadTable(id);
      new SnapshotExpiry(catalog).expireAllButCurrent(table.expireSnapshots());
    }
    return create ? Outcome.CREATED : Outcome.REPLACED;
  }

  private static String fingerprintOf(Snapshot snapshot) {
    return snapshot == null ? null : snapshot.summary().get(DatasetFingerprint.PROPERTY);
  }

  /** The data files of the table's current snapshot, by location. */
  public static Map<String, DataFile> publishedFiles(Table table) {
    Map<String, DataFile> files = new LinkedHashMap<>();
    if (table.currentSnapshot() == null) {
      return files;
    }
    try (CloseableIterable<FileScanTask> tasks = table.newScan().ignoreResiduals().planFiles()) {
      for (FileScanTask task : tasks) {
        files.put(task.file().location(), task.file());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the files of " + table.name(), e);
    }
    return files;
  }

  /**
   * The files' footers, read on every core: a commit of a date-partitioned batch names hundreds of
   * files, each read and decoded on its own, while the lake's commit holds the dataset's lock.
   */
  private static Map<Path, ParquetMetadata> footersOf(List<Path> files) {
    List<ParquetMetadata> read = files.parallelStream().map(ParquetFooters::read).toList();
    Map<Path, ParquetMetadata> footers = new LinkedHashMap<>();
    for (int i = 0; i < files.size(); i++) {
      footers.put(files.get(i), read.get(i));
    }
    return footers;
  }
}
