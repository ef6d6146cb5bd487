package io.analytics.gateway.columns;

/**
 * Where a result column comes from, as PostgreSQL's RowDescription says it: the OID of the table (or
 * view) and the column's attribute number there, or 0 and 0 for a computed column. Clients read
 * them back through pg_class and pg_attribute (pgjdbc's {@code getTableName}, DBeaver's editable
 * result sets), so they are the OIDs and numbers the gateway's own catalog shows.
 */
public record ColumnOrigin(int tableOid, short attributeNumber) {
  /** A computed column: an expression, a constant, an aggregate. */
  public static final ColumnOrigin NONE = new ColumnOrigin(0, (short) 0);

  public boolean isKnown() {
    return tableOid != 0;
  }
}
