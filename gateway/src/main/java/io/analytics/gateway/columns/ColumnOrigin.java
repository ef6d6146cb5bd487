package io.analytics.gateway.columns;

import io.analytics.gateway.types.DeclaredColumnType;
import java.util.Optional;

/**
 * Where a result column comes from, as PostgreSQL's RowDescription says it: the OID of the table (or
 * view) and the column's attribute number there, or 0 and 0 for a computed column. Clients read
 * them back through pg_class and pg_attribute (pgjdbc's {@code getTableName}, DBeaver's editable
 * result sets), so they are the OIDs and numbers the gateway's own catalog shows. A column also
 * carries the PostgreSQL type its table declared or its cast names where DuckDB's type loses it
 * ({@code char(n)}, {@code varchar(n)}), null otherwise.
 */
public record ColumnOrigin(int tableOid, short attributeNumber, DeclaredColumnType declaredType) {
  /** A computed column: an expression, a constant, an aggregate. */
  public static final ColumnOrigin NONE = new ColumnOrigin(0, (short) 0);

  public ColumnOrigin(int tableOid, short attributeNumber) {
    this(tableOid, attributeNumber, null);
  }

  /** A computed column of a declared type (a cast to char(n), a set operation of such columns). */
  static ColumnOrigin computed(DeclaredColumnType declaredType) {
    return declaredType == null ? NONE : new ColumnOrigin(0, (short) 0, declaredType);
  }

  public boolean isKnown() {
    return tableOid != 0;
  }

  /** Whether the origin says anything: a table column, or a declared type. */
  boolean isInformative() {
    return tableOid != 0 || declaredType != null;
  }

  public Optional<DeclaredColumnType> declared() {
    return Optional.ofNullable(declaredType);
  }
}
