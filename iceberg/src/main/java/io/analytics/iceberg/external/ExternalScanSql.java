package io.analytics.iceberg.external;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static io.analytics.engine.duckdb.SqlIdentifiers.quote;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.DeleteFile;
import org.apache.iceberg.FileContent;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Table;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * The DuckDB query that reads an Iceberg table's current snapshot: the scan is planned with the
 * Iceberg library (which data files, which delete files apply to each), and DuckDB reads the Parquet
 * files. Position deletes are applied (a file's rows whose {@code file_row_number} a delete file
 * names for it are left out); equality deletes, deletion vectors and non-Parquet files are refused
 * with an error naming them, never read wrongly.
 */
public final class ExternalScanSql {
  private ExternalScanSql() {}

  public static String of(Table table) {
    List<Types.NestedField> columns = table.schema().columns();
    String projection = projection(columns);
    List<String> plain = new ArrayList<>();
    List<String> parts = new ArrayList<>();
    List<String> refused = new ArrayList<>();
    try (CloseableIterable<FileScanTask> tasks = table.newScan().ignoreResiduals().planFiles()) {
      for (FileScanTask task : tasks) {
        if (task.file().format() != FileFormat.PARQUET) {
          refused.add(task.file().format() + " data file " + task.file().location());
          continue;
        }
        List<String> positionDeletes = new ArrayList<>();
        for (DeleteFile delete : task.deletes()) {
          if (delete.content() == FileContent.POSITION_DELETES && delete.format() == FileFormat.PARQUET) {
            positionDeletes.add(literal(LocalFileIO.toPath(delete.location()).toString()));
          } else {
            refused.add((delete.content() == FileContent.EQUALITY_DELETES ? "equality delete file " : delete.format() + " delete file ")
                + delete.location());
          }
        }
        String path = literal(LocalFileIO.toPath(task.file().location()).toString());
        if (positionDeletes.isEmpty()) {
          plain.add(path);
        } else {
          parts.add("SELECT " + projection + " FROM read_parquet(" + path + ", file_row_number = true)"
              + " WHERE file_row_number NOT IN (SELECT pos FROM read_parquet([" + String.join(", ", positionDeletes)
              + "]) WHERE file_path = " + literal(task.file().location()) + ")");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot plan a scan of " + table.name(), e);
    }
    if (!refused.isEmpty()) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "Iceberg table " + table.name()
          + " cannot be read: the gateway applies position deletes in Parquet only, and this snapshot has "
          + String.join(", ", refused));
    }
    if (!plain.isEmpty()) {
      parts.add(0, "SELECT " + projection + " FROM read_parquet([" + String.join(", ", plain) + "], union_by_name = true)");
    }
    if (parts.isEmpty()) {
      return "SELECT " + emptyProjection(columns) + " WHERE false";
    }
    return String.join(" UNION ALL ", parts);
  }

  private static String projection(List<Types.NestedField> columns) {
    List<String> names = new ArrayList<>();
    columns.forEach(column -> names.add(quote(column.name())));
    return String.join(", ", names);
  }

  private static String emptyProjection(List<Types.NestedField> columns) {
    List<String> names = new ArrayList<>();
    columns.forEach(column -> names.add("CAST(NULL AS " + DuckDbTypes.of(column.type()) + ") AS " + quote(column.name())));
    return String.join(", ", names);
  }
}
