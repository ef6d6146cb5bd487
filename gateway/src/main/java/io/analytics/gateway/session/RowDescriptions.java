package io.analytics.gateway.session;

import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.columns.ColumnOrigin;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import io.analytics.gateway.types.ColumnType;
import io.analytics.gateway.types.ColumnWriters;
import io.analytics.gateway.types.PgTypes;
import java.util.ArrayList;
import java.util.List;

/** Turns DuckDB's result columns into PostgreSQL's RowDescription fields and column types. */
final class RowDescriptions {
  private RowDescriptions() {}

  /** The fields for these columns in the formats the client asked for (text where a type has no binary form). */
  static List<FieldDescription> describe(List<ResultColumn> columns, short[] requestedFormats) {
    return describe(columns, java.util.Collections.nCopies(columns.size(), ColumnOrigin.NONE), requestedFormats);
  }

  /** As above, with the table and column each one comes from (0 and 0 for a computed column). */
  static List<FieldDescription> describe(List<ResultColumn> columns, List<ColumnOrigin> origins, short[] requestedFormats) {
    List<FieldDescription> fields = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ColumnType type = declaredOrNatural(PgTypes.forDuckDbType(columns.get(i).duckDbType()), origins.get(i));
      short format = i < requestedFormats.length ? requestedFormats[i] : 0;
      if (format == 1 && !ColumnWriters.supportsBinary(type)) {
        format = 0;
      }
      fields.add(new FieldDescription(
          columns.get(i).name(), origins.get(i).tableOid(), origins.get(i).attributeNumber(), type.type().oid(), type.type().typlen(), type.typmod(), format));
    }
    return fields;
  }

  static List<ColumnType> columnTypes(List<ResultColumn> columns) {
    List<ColumnType> types = new ArrayList<>(columns.size());
    for (ResultColumn column : columns) {
      types.add(PgTypes.forDuckDbType(column.duckDbType()));
    }
    return types;
  }

  /** The column's declared type (a char(n) or varchar(n) column, a cast to one) where DuckDB's type is its VARCHAR. */
  private static ColumnType declaredOrNatural(ColumnType natural, ColumnOrigin origin) {
    return natural.type() == PgTypes.TEXT && origin.declaredType() != null ? origin.declaredType().columnType() : natural;
  }

  /** The types the rows are written as: those the fields describe (declared types included). */
  static List<ColumnType> columnTypes(List<ResultColumn> columns, List<FieldDescription> fields) {
    List<ColumnType> types = columnTypes(columns);
    for (int i = 0; i < types.size() && i < fields.size(); i++) {
      FieldDescription field = fields.get(i);
      if (types.get(i).type() == PgTypes.TEXT && field.typeOid() != PgTypes.TEXT.oid()) {
        types.set(i, new ColumnType(PgTypes.byOid(field.typeOid()), field.typeModifier()));
      }
    }
    return types;
  }

  static short[] formatsOf(List<FieldDescription> fields) {
    short[] formats = new short[fields.size()];
    for (int i = 0; i < formats.length; i++) {
      formats[i] = fields.get(i).format();
    }
    return formats;
  }
}
