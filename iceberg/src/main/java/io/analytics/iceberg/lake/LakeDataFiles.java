package io.analytics.iceberg.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.iceberg.io.LocalFileIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.DataFiles;
import org.apache.iceberg.FileFormat;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.MetricsConfig;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.parquet.ParquetUtil;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * Describes a lake Parquet file as an Iceberg data file, as it is: its location, size, partition
 * values from its hive folders, and column metrics (value and null counts, bounds) from its footer,
 * matched to the table's columns by name since DuckDB writes no Iceberg field ids.
 */
final class LakeDataFiles {
  private final Path directory;
  private final Schema schema;
  private final PartitionSpec spec;
  private final NameMapping mapping;

  LakeDataFiles(Path directory, Schema schema, PartitionSpec spec) {
    this.directory = requireNonNull(directory, "directory is null");
    this.schema = requireNonNull(schema, "schema is null");
    this.spec = requireNonNull(spec, "spec is null");
    this.mapping = MappingUtil.create(schema);
  }

  /** The name mapping readers use to find the table's columns in files without field ids. */
  static String nameMappingJson(Schema schema) {
    return NameMappingParser.toJson(MappingUtil.create(schema));
  }

  /**
   * The data files of {@code files}, in their order, described on every core (metrics from each
   * footer and the partition values are independent per file).
   */
  List<DataFile> of(List<Path> files, Map<Path, ParquetMetadata> footers) {
    return files.parallelStream().map(file -> of(file, footers.get(file))).toList();
  }

  DataFile of(Path file, ParquetMetadata footer) {
    requireNonNull(footer, "footer is null");
    Metrics metrics = ParquetUtil.footerMetrics(footer, Stream.empty(), MetricsConfig.getDefault(), mapping);
    DataFiles.Builder builder = DataFiles.builder(spec)
        .withPath(LocalFileIO.toLocation(file))
        .withFormat(FileFormat.PARQUET)
        .withFileSizeInBytes(sizeOf(file))
        .withMetrics(metrics);
    if (spec.isPartitioned()) {
      Map<String, String> values = HivePartitions.valuesOf(directory, file);
      List<String> ordered = new ArrayList<>();
      for (PartitionField field : spec.fields()) {
        ordered.add(values.get(schema.findColumnName(field.sourceId())));
      }
      builder.withPartitionValues(ordered);
    }
    return builder.build();
  }

  private static long sizeOf(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of " + file, e);
    }
  }
}
