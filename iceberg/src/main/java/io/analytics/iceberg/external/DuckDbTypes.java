package io.analytics.iceberg.external;

import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/** The DuckDB type an Iceberg type is read as (for the typed columns of an empty table). */
final class DuckDbTypes {
  private DuckDbTypes() {}

  static String of(Type type) {
    return switch (type.typeId()) {
      case BOOLEAN -> "BOOLEAN";
      case INTEGER -> "INTEGER";
      case LONG -> "BIGINT";
      case FLOAT -> "REAL";
      case DOUBLE -> "DOUBLE";
      case DATE -> "DATE";
      case TIME -> "TIME";
      case TIMESTAMP -> ((Types.TimestampType) type).shouldAdjustToUTC() ? "TIMESTAMPTZ" : "TIMESTAMP";
      case STRING -> "VARCHAR";
      case UUID -> "UUID";
      case BINARY, FIXED -> "BLOB";
      case DECIMAL -> "DECIMAL(" + ((Types.DecimalType) type).precision() + "," + ((Types.DecimalType) type).scale() + ")";
      default -> "VARCHAR";
    };
  }
}
