package io.analytics.iceberg.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.lake.DatasetLock;
import io.analytics.iceberg.catalog.LakeCatalog;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings every Iceberg table of the lake in step with the datasets as committed: each dataset is
 * synced under its lock (so never half way through a commit), and the table of a dataset that no
 * longer exists is dropped from the catalog (its metadata only). Idempotent: what is in step is
 * recognized by its fingerprint and left alone.
 */
public final class LakeTables {
  private static final Logger LOG = LoggerFactory.getLogger(LakeTables.class);

  private final LakeCatalog catalog;

  public LakeTables(LakeCatalog catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** Syncs every dataset and every managed table; returns what changed, by table. */
  public Map<TableIdentifier, DatasetTableSync.Outcome> reconcile() {
    LakeScanner scanner = new LakeScanner(catalog.home());
    Map<TableIdentifier, Dataset> datasets = new LinkedHashMap<>();
    for (Dataset dataset : scanner.scan()) {
      datasets.put(DatasetTableSync.identifier(dataset), dataset);
    }
    for (Layer layer : Layer.values()) {
      Namespace namespace = Namespace.of(layer.schemaName());
      if (!catalog.catalog().namespaceExists(namespace)) {
        continue;
      }
      for (TableIdentifier id : catalog.catalog().listTables(namespace)) {
        if (!datasets.containsKey(id) && isManaged(id)) {
          datasets.put(id, scanner.dataset(layer, id.name()));
        }
      }
    }
    Map<TableIdentifier, DatasetTableSync.Outcome> changed = new LinkedHashMap<>();
    DatasetTableSync sync = new DatasetTableSync(catalog);
    for (Map.Entry<TableIdentifier, Dataset> entry : datasets.entrySet()) {
      try (DatasetLock lock = DatasetLock.acquire(catalog.home(), entry.getValue().directory())) {
        DatasetTableSync.Outcome outcome = sync.sync(entry.getValue());
        if (outcome != DatasetTableSync.Outcome.UNCHANGED) {
          changed.put(entry.getKey(), outcome);
        }
      } catch (RuntimeException e) {
        LOG.warn("Iceberg table {} not in step with the lake: {}", entry.getKey(), e.getMessage());
      }
    }
    return changed;
  }

  /**
   * Expires every managed table's snapshots but its current one ({@code analytics vacuum}): the
   * lake keeps no old files, so older snapshots could not be read anyway. Returns how many tables.
   */
  public int expireSnapshots() {
    int tables = 0;
    for (Layer layer : Layer.values()) {
      Namespace namespace = Namespace.of(layer.schemaName());
      if (!catalog.catalog().namespaceExists(namespace)) {
        continue;
      }
      for (TableIdentifier id : catalog.catalog().listTables(namespace)) {
        Table table = catalog.catalog().loadTable(id);
        if ("true".equals(table.properties().get(DatasetTableSync.MANAGED))) {
          new SnapshotExpiry(catalog).expireAllButCurrent(table.expireSnapshots());
          tables++;
        }
      }
    }
    return tables;
  }

  private boolean isManaged(TableIdentifier id) {
    Table table = catalog.catalog().loadTable(id);
    return "true".equals(table.properties().get(DatasetTableSync.MANAGED));
  }
}
