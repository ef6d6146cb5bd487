package io.analytics.iceberg.external;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.iceberg.catalog.LakeCatalog;
import io.analytics.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.HasTableOperations;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The attached external Iceberg tables as DuckDB views ({@code ext.fills}), each over the data
 * files of its table's newest snapshot. {@link #refresh()} runs before every statement: it asks each
 * catalog for its tables' current metadata (one query per attachment, kept connections), and
 * re-plans a view only when its table's metadata moved, so a statement always reads the newest
 * committed snapshot, never one half written.
 */
public final class ExternalIcebergViews implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExternalIcebergViews.class);

  private final IcebergAttachments attachments;
  private final Path attachmentsFile;
  private final DuckDbDatabase database;
  private final Map<String, JdbcCatalog> catalogs = new HashMap<>();
  private final Map<String, String> planned = new HashMap<>();
  private List<IcebergAttachment> current = List.of();
  private long attachmentsModified = Long.MIN_VALUE;

  public ExternalIcebergViews(PlatformHome home, DuckDbDatabase database) {
    this.attachments = new IcebergAttachments(requireNonNull(home, "home is null"));
    this.attachmentsFile = home.configDir().resolve("iceberg-attachments.json");
    this.database = requireNonNull(database, "database is null");
  }

  /** Brings every attached table's view to its newest snapshot; a catalog that cannot be reached keeps its views. */
  public synchronized void refresh() {
    reloadAttachments();
    for (IcebergAttachment attachment : current) {
      try {
        refresh(attachment);
      } catch (RuntimeException e) {
        LOG.warn("attached Iceberg namespace {} not refreshed: {}", attachment.name(), e.getMessage());
      }
    }
  }

  private void refresh(IcebergAttachment attachment) {
    JdbcCatalog catalog = catalogs.computeIfAbsent(attachment.name(), name -> ExternalCatalog.open(attachment));
    database.execute("CREATE SCHEMA IF NOT EXISTS " + quote(attachment.name()));
    Set<String> present = new HashSet<>();
    for (TableIdentifier id : catalog.listTables(Namespace.of(attachment.namespace()))) {
      String view = quote(attachment.name()) + "." + quote(id.name());
      present.add(view);
      Table table = catalog.loadTable(id);
      String version = ((HasTableOperations) table).operations().current().metadataFileLocation();
      if (version.equals(planned.get(view))) {
        continue;
      }
      String sql;
      try {
        sql = ExternalScanSql.of(table);
      } catch (PlatformException e) {
        sql = "SELECT error(" + literal(e.getMessage()) + ") AS refused";
      }
      database.execute("CREATE OR REPLACE VIEW " + view + " AS " + sql);
      planned.put(view, version);
    }
    for (String view : new ArrayList<>(planned.keySet())) {
      if (view.startsWith(quote(attachment.name()) + ".") && !present.contains(view)) {
        database.execute("DROP VIEW IF EXISTS " + view);
        planned.remove(view);
      }
    }
  }

  private void reloadAttachments() {
    long modified;
    try {
      modified = Files.exists(attachmentsFile) ? Files.getLastModifiedTime(attachmentsFile).toMillis() : -1;
    } catch (IOException e) {
      return;
    }
    if (modified != attachmentsModified) {
      attachmentsModified = modified;
      current = attachments.list();
    }
  }

  /**
   * The folders the gateway's DuckDB must be allowed to read for the attached tables (fixed when the
   * gateway starts): the platform catalog's warehouse, and the location of every attached table.
   */
  public static List<Path> readableDirectories(PlatformHome home) {
    List<Path> directories = new ArrayList<>(List.of(LakeCatalog.warehouseDir(home)));
    for (IcebergAttachment attachment : new IcebergAttachments(home).list()) {
      try {
        JdbcCatalog catalog = ExternalCatalog.open(attachment);
        try {
          for (TableIdentifier id : catalog.listTables(Namespace.of(attachment.namespace()))) {
            directories.add(LocalFileIO.toPath(catalog.loadTable(id).location()));
          }
        } finally {
          catalog.close();
        }
      } catch (RuntimeException e) {
        LOG.warn("attached Iceberg namespace {} not reachable at start: {}", attachment.name(), e.getMessage());
      }
    }
    return directories;
  }

  @Override
  public synchronized void close() {
    catalogs.values().forEach(JdbcCatalog::close);
    catalogs.clear();
  }
}
