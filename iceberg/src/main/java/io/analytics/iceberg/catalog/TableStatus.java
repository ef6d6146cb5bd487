package io.analytics.iceberg.catalog;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;

/**
 * One table of the catalog as {@code analytics iceberg status} shows it: its current snapshot (id,
 * operation, time, records and files from the snapshot summary) and how many snapshots it keeps.
 */
public record TableStatus(
    String name, Long snapshotId, String operation, long timestampMillis, String records, String files,
    int snapshots, String metadataLocation) {
  public TableStatus {
    requireNonNull(name, "name is null");
  }

  /** The tables of these namespaces (those that exist), in name order. */
  public static List<TableStatus> of(LakeCatalog catalog, List<String> namespaces) {
    List<TableStatus> tables = new ArrayList<>();
    for (String name : namespaces) {
      Namespace namespace = Namespace.of(name);
      if (!catalog.catalog().namespaceExists(namespace)) {
        continue;
      }
      List<TableIdentifier> ids = new ArrayList<>(catalog.catalog().listTables(namespace));
      ids.sort((a, b) -> a.toString().compareTo(b.toString()));
      for (TableIdentifier id : ids) {
        tables.add(of(id, catalog.catalog().loadTable(id)));
      }
    }
    return tables;
  }

  static TableStatus of(TableIdentifier id, Table table) {
    Snapshot current = table.currentSnapshot();
    int count = 0;
    for (Snapshot ignored : table.snapshots()) {
      count++;
    }
    String metadata = ((org.apache.iceberg.HasTableOperations) table).operations().current().metadataFileLocation();
    if (current == null) {
      return new TableStatus(id.toString(), null, null, 0, "0", "0", count, metadata);
    }
    return new TableStatus(id.toString(), current.snapshotId(), current.operation(), current.timestampMillis(),
        current.summary().getOrDefault("total-records", "?"), current.summary().getOrDefault("total-data-files", "?"),
        count, metadata);
  }
}
