package io.analytics.iceberg.external;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import java.util.List;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** Checks an attachment before it is stored: the catalog answers, and which of its tables can be read. */
public final class AttachmentCheck implements AutoCloseable {
  private final IcebergAttachment attachment;
  private final JdbcCatalog catalog;

  public AttachmentCheck(IcebergAttachment attachment) {
    this.attachment = requireNonNull(attachment, "attachment is null");
    this.catalog = ExternalCatalog.open(attachment);
  }

  public List<TableIdentifier> tables() {
    return catalog.listTables(Namespace.of(attachment.namespace()));
  }

  /** Why the table cannot be read as it is now, or null. */
  public String problem(TableIdentifier table) {
    try {
      ExternalScanSql.of(catalog.loadTable(table));
      return null;
    } catch (PlatformException e) {
      return e.getMessage();
    }
  }

  @Override
  public void close() {
    catalog.close();
  }
}
