package io.analytics.gateway.pgcatalog;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.schema.ColumnSpec;
import io.analytics.catalog.schema.TableSchema;
import io.analytics.engine.lake.DeclaredSchemaFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the catalog tells BI tools about each lake dataset: its bytes on disk, its row count (from
 * the Parquet footers, which DuckDB's count(*) over a Parquet view reads without scanning data)
 * and the descriptions its declared schema gives the table and its columns.
 */
public final class LakeCatalogFacts {
  private LakeCatalogFacts() {}

  /**
   * One dataset's facts; rows is -1 where the session cannot read the dataset (as PostgreSQL's
   * "unknown"), and its files are those on disk when the facts were collected.
   */
  public record DatasetFacts(String schema, String name, DatasetFiles files, long rows, String description, Map<String, String> columnDescriptions) {
    public DatasetFacts {
      java.util.Objects.requireNonNull(files, "files is null");
      columnDescriptions = Map.copyOf(columnDescriptions);
    }

    public long bytes() {
      return files.totalBytes();
    }

    /** Whether the asking session may read the dataset (and so learn its statistics). */
    public boolean readable() {
      return rows >= 0;
    }
  }

  /**
   * @param rowCounter the number of rows of a schema-qualified, quoted relation name, read in the
   *     asking session (so a role that may not read a layer gets no count for it)
   */
  public static List<DatasetFacts> collect(PlatformHome home, Function<String, Long> rowCounter) {
    List<DatasetFacts> facts = new ArrayList<>();
    for (Dataset dataset : new LakeScanner(home).scan()) {
      String schema = dataset.layer().schemaName();
      long rows;
      try {
        rows = rowCounter.apply(quoted(schema) + "." + quoted(dataset.name()));
      } catch (PlatformException e) {
        rows = -1;
      }
      Optional<TableSchema> declared = readDeclaredSchema(dataset);
      Map<String, String> columns = new LinkedHashMap<>();
      declared.ifPresent(table -> {
        for (ColumnSpec column : table.columns()) {
          if (column.description() != null && !column.description().isBlank()) {
            columns.put(column.name(), column.description());
          }
        }
      });
      facts.add(new DatasetFacts(schema, dataset.name(), DatasetFiles.of(dataset.directory()), rows,
          declared.map(TableSchema::description).filter(text -> !text.isBlank()).orElse(null), columns));
    }
    return facts;
  }

  private static Optional<TableSchema> readDeclaredSchema(Dataset dataset) {
    try {
      return DeclaredSchemaFile.read(dataset.directory());
    } catch (RuntimeException e) {
      return Optional.empty(); // an unreadable schema file costs the description, not the catalog
    }
  }

  private static String quoted(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }
}
