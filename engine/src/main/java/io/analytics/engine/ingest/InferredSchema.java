package io.analytics.engine.ingest;

import io.analytics.catalog.schema.ColumnSpec;
import io.analytics.catalog.schema.TableSchema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A schema for rows given without one, from the Java types of their values: all columns optional, no checks. */
final class InferredSchema {
  private InferredSchema() {}

  static TableSchema of(List<String> columns, List<Map<String, Object>> rows) {
    Map<String, String> types = new LinkedHashMap<>();
    for (String column : columns) {
      types.put(column, null);
    }
    for (Map<String, Object> row : rows) {
      for (String column : columns) {
        if (types.get(column) == null && row.get(column) != null) {
          types.put(column, typeOf(row.get(column)));
        }
      }
    }
    List<ColumnSpec> specs = new ArrayList<>();
    types.forEach((name, type) -> specs.add(ColumnSpec.optional(name, type == null ? "VARCHAR" : type)));
    return new TableSchema("inferred", specs, List.of());
  }

  private static String typeOf(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return "BIGINT";
    }
    if (value instanceof BigDecimal decimal) {
      return "DECIMAL(38," + Math.max(0, Math.min(decimal.scale(), 18)) + ")";
    }
    if (value instanceof Double || value instanceof Float) {
      return "DOUBLE";
    }
    if (value instanceof Boolean) {
      return "BOOLEAN";
    }
    if (value instanceof LocalDate) {
      return "DATE";
    }
    if (value instanceof Instant || value instanceof OffsetDateTime || value instanceof ZonedDateTime) {
      return "TIMESTAMPTZ";
    }
    if (value instanceof LocalDateTime) {
      return "TIMESTAMP";
    }
    return "VARCHAR";
  }
}
