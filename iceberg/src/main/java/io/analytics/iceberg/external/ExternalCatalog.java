package io.analytics.iceberg.external;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.iceberg.io.LocalFileIO;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.jdbc.JdbcCatalog;

/** Opens the JDBC catalog of an attachment, reading files through {@link LocalFileIO}. */
final class ExternalCatalog {
  private ExternalCatalog() {}

  static JdbcCatalog open(IcebergAttachment attachment) {
    Map<String, String> properties = new LinkedHashMap<>();
    properties.put(CatalogProperties.URI, attachment.uri());
    properties.put(CatalogProperties.FILE_IO_IMPL, LocalFileIO.class.getName());
    // Required by the JDBC catalog, used only to create tables, which the gateway never does here.
    properties.put(CatalogProperties.WAREHOUSE_LOCATION, "file:///nonexistent/read-only-attachment");
    // Never create the catalog's tables in someone else's database: it must exist already.
    properties.put("jdbc.init-catalog-tables", "false");
    if (attachment.user() != null) {
      properties.put("jdbc.user", attachment.user());
    }
    if (attachment.password() != null) {
      properties.put("jdbc.password", attachment.password());
    }
    if (attachment.uri().startsWith("jdbc:sqlite:")) {
      properties.put("jdbc.busy_timeout", "60000");
    }
    JdbcCatalog catalog = new JdbcCatalog();
    try {
      catalog.initialize(attachment.catalogName(), properties);
    } catch (RuntimeException e) {
      throw new PlatformException(SqlState.CONNECTION_EXCEPTION,
          "cannot open the Iceberg catalog " + attachment.uri() + ": " + e.getMessage(), e);
    }
    return catalog;
  }
}
