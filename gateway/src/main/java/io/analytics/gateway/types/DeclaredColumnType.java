package io.analytics.gateway.types;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A table column's PostgreSQL type as CREATE or ALTER TABLE declared it, where DuckDB's column type
 * loses it: {@code char(n)} and {@code varchar(n)} are DuckDB VARCHAR columns. The gateway keeps it
 * as the column's DuckDB comment ({@code pg_type:character(4)}, the name {@code format_type} prints),
 * which DuckDB stores in the same transaction as the table and carries through renames, and reads it
 * back for RowDescription, pg_attribute and information_schema (see docs/TYPES.md).
 */
public record DeclaredColumnType(PgType type, int typmod) {
  private static final String PREFIX = "pg_type:";
  private static final Pattern FORMATTED = Pattern.compile("(.+?)(?:\\((\\d+)\\))?");

  public DeclaredColumnType {
    requireNonNull(type, "type is null");
  }

  /** {@code character(length)}: blank-padded to its length. */
  public static DeclaredColumnType bpchar(int length) {
    return new DeclaredColumnType(PgTypes.BPCHAR, length + 4);
  }

  /** {@code character varying(length)}, or without a limit for a negative length. */
  public static DeclaredColumnType varchar(int length) {
    return new DeclaredColumnType(PgTypes.VARCHAR, length < 0 ? -1 : length + 4);
  }

  /** The declared length of a char(n) or varchar(n) column, or -1 for none. */
  public int length() {
    return typmod >= 4 ? typmod - 4 : -1;
  }

  /** The DuckDB column comment that records this type. */
  public String comment() {
    return PREFIX + type.formatType(typmod);
  }

  /** The type a column comment records, if it is one the gateway wrote. */
  public static Optional<DeclaredColumnType> fromComment(String comment) {
    if (comment == null || !comment.startsWith(PREFIX)) {
      return Optional.empty();
    }
    Matcher formatted = FORMATTED.matcher(comment.substring(PREFIX.length()));
    if (!formatted.matches()) {
      return Optional.empty();
    }
    int length = formatted.group(2) == null ? -1 : Integer.parseInt(formatted.group(2));
    for (PgType type : PgTypes.all()) {
      if (type.formatType(-1).equals(formatted.group(1))) {
        return Optional.of(new DeclaredColumnType(type, length < 0 ? -1 : length + 4));
      }
    }
    return Optional.empty();
  }

  /** The type and modifier RowDescription sends for the column. */
  public ColumnType columnType() {
    return new ColumnType(type, typmod);
  }
}
