package io.analytics.gateway.pgcatalog;

import io.analytics.catalog.home.Layer;
import java.util.List;
import java.util.Map;

/**
 * The lake's facts as two TEMP views the catalog objects read: {@code pg_gateway_lake_sizes} (each
 * dataset's bytes and rows, for pg_table_size and reltuples) and {@code
 * pg_gateway_lake_descriptions} (layer, dataset and column descriptions, for pg_description).
 */
final class LakeFactViews {
  private static final Map<Layer, String> LAYER_DESCRIPTIONS = Map.of(
      Layer.BRONZE, "Raw data as ingested: append-only, hive-partitioned Parquet",
      Layer.SILVER, "Curated data: cleaned and conformed Parquet built from bronze",
      Layer.GOLD, "Aggregated data ready for dashboards and apps");

  private LakeFactViews() {}

  static List<String> statements(List<LakeCatalogFacts.DatasetFacts> lake) {
    // Each VALUES list starts with a row of the right types, so an empty lake still types its columns.
    StringBuilder sizes = new StringBuilder("CREATE OR REPLACE TEMP VIEW pg_gateway_lake_sizes AS SELECT * FROM (VALUES ");
    sizes.append("('', '', CAST(0 AS BIGINT), CAST(-1 AS BIGINT))");
    StringBuilder descriptions = new StringBuilder("CREATE OR REPLACE TEMP VIEW pg_gateway_lake_descriptions AS SELECT * FROM (VALUES ");
    descriptions.append("('', '', '', '')");
    for (Layer layer : Layer.values()) {
      descriptions.append(row(layer.schemaName(), "", "", LAYER_DESCRIPTIONS.get(layer)));
    }
    for (LakeCatalogFacts.DatasetFacts dataset : lake) {
      sizes.append(", (").append(text(dataset.schema())).append(", ").append(text(dataset.name()))
          .append(", CAST(").append(dataset.bytes()).append(" AS BIGINT), CAST(").append(dataset.rows()).append(" AS BIGINT))");
      if (dataset.description() != null) {
        descriptions.append(row(dataset.schema(), dataset.name(), "", dataset.description()));
      }
      for (Map.Entry<String, String> column : dataset.columnDescriptions().entrySet()) {
        descriptions.append(row(dataset.schema(), dataset.name(), column.getKey(), column.getValue()));
      }
    }
    return List.of(
        sizes.append(") t(schema_name, relname, bytes, row_count)").toString(),
        descriptions.append(") t(schema_name, relname, column_name, description)").toString());
  }

  private static String row(String schema, String relation, String column, String description) {
    return ", (" + text(schema) + ", " + text(relation) + ", " + text(column) + ", " + text(description) + ")";
  }

  /** A SQL string literal. */
  static String text(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
