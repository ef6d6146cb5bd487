package io.analytics.iceberg.lake;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.PartitionField;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.parquet.ParquetSchemaUtil;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;

/**
 * The Iceberg schema and partition spec of a dataset: the columns of its Parquet files (by name,
 * all optional, as DuckDB reads them with {@code union_by_name}) followed by its hive partition
 * columns, which are identity partitions whose values live in the folder names, not in the files.
 */
public record LakeTableShape(Schema schema, List<String> partitionColumns) {
  public LakeTableShape {
    partitionColumns = List.copyOf(partitionColumns);
  }

  /** The shape of files with these footers, partitioned as {@code partitions} says. */
  public static LakeTableShape of(List<ParquetMetadata> footers, HivePartitions partitions) {
    Map<String, Type> columns = new LinkedHashMap<>();
    for (ParquetMetadata footer : footers) {
      Schema fileSchema;
      try {
        fileSchema = ParquetSchemaUtil.convert(ParquetSchemaUtil.addFallbackIds(footer.getFileMetaData().getSchema()));
      } catch (RuntimeException e) {
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED,
            "a column type has no Iceberg equivalent: " + e.getMessage(), e);
      }
      for (Types.NestedField field : fileSchema.columns()) {
        if (!partitions.columns().containsKey(field.name())) {
          columns.putIfAbsent(field.name(), field.type());
        }
      }
    }
    columns.putAll(partitions.columns());
    List<Types.NestedField> fields = new ArrayList<>();
    int[] nextId = {columns.size() + 1};
    int id = 1;
    for (Map.Entry<String, Type> column : columns.entrySet()) {
      Type type = TypeUtil.assignFreshIds(column.getValue(), () -> nextId[0]++);
      fields.add(Types.NestedField.optional(id++, column.getKey(), type));
    }
    return new LakeTableShape(new Schema(fields), partitions.names());
  }

  /** The identity spec over the partition columns, for {@code schema} (this shape's, or a table's). */
  public PartitionSpec specFor(Schema target) {
    PartitionSpec.Builder builder = PartitionSpec.builderFor(target);
    partitionColumns.forEach(builder::identity);
    return builder.build();
  }

  /** Whether {@code table} already has these columns (names and types, in order) and partitions. */
  public boolean fits(Table table) {
    List<String> tableSpec = new ArrayList<>();
    for (PartitionField field : table.spec().fields()) {
      tableSpec.add(table.schema().findColumnName(field.sourceId()));
    }
    return tableSpec.equals(partitionColumns) && normalized(table.schema()).equals(normalized(schema));
  }

  private static Types.StructType normalized(Schema schema) {
    return TypeUtil.assignIncreasingFreshIds(schema.asStruct().asSchema()).asStruct();
  }
}
