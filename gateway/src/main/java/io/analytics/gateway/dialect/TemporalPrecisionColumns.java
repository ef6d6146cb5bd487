package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import java.util.Optional;

/**
 * Columns declared with a fractional-seconds precision ({@code created_at timestamp(6) with time zone} as Hibernate
 * writes it, {@code timestamp(0) without time zone} as Laravel does, {@code time(6)}), in CREATE TABLE and in ALTER
 * TABLE's ADD COLUMN and ALTER ... TYPE. DuckDB takes no precision on these types and refused the statement.
 * A precision of 6 is DuckDB's microseconds and is dropped. A timestamp column of fewer digits is DuckDB's timestamp
 * with a CHECK constraint that refuses (0A000) a value with more digits than declared: PostgreSQL would round it on
 * the way in, the gateway cannot, and storing it unrounded would later answer a value PostgreSQL never stored.
 * Where DuckDB cannot add that constraint (ALTER TABLE) and for a time of day of fewer digits, the statement is
 * refused with 0A000.
 */
public final class TemporalPrecisionColumns {
  private TemporalPrecisionColumns() {}

  /** The statement with its temporal column types translated, or empty when it declares none with a precision. */
  public static Optional<String> translate(SqlStatement statement) {
    Optional<CreateTableShape> shape = CreateTableShape.of(statement);
    TextEdits edits = new TextEdits();
    boolean changed = false;
    if (shape.isPresent()) {
      for (int[] element : shape.get().elements()) {
        changed |= declare(statement, element[0], element[0] + 1, true, edits);
      }
    } else if (statement.keyword().equals("ALTER") && statement.keyword(1).equals("TABLE")) {
      for (int i = 2; i + 1 < statement.size(); i++) {
        boolean columnType = statement.keyword(i - 1).equals("TYPE") || statement.keyword(i - 1).equals("COLUMN")
            || statement.keyword(i - 1).equals("ADD") || statement.keyword(i - 1).equals("EXISTS");
        if (columnType && statement.keyword(i - 1).equals("TYPE")) {
          changed |= declare(statement, -1, i, false, edits);
        } else if (columnType) {
          changed |= declare(statement, i, i + 1, false, edits);
        }
      }
    }
    return changed ? Optional.of(edits.applyTo(statement.sql())) : Optional.empty();
  }

  /** Translates the type at {@code typeIndex} of the column named at {@code column} (-1 when unknown); false when it is none of ours. */
  private static boolean declare(SqlStatement statement, int column, int typeIndex, boolean canCheck, TextEdits edits) {
    Optional<TemporalTypeName> found = typeIndex < statement.size() ? TemporalTypeName.at(statement, typeIndex) : Optional.empty();
    if (found.isEmpty()) {
      return false;
    }
    TemporalTypeName type = found.get();
    String replacement = type.duckDbType();
    if (type.precision() < TemporalTypeName.MICROSECONDS) {
      if (!type.timestamp() || !canCheck || column < 0) {
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "a column of type " + type.postgresName()
            + " is not supported here: the gateway keeps microseconds; declare it " + type.duckDbType().toLowerCase(java.util.Locale.ROOT));
      }
      replacement += " CHECK (" + precisionCheck(statement.token(column).text(), type) + ")";
    }
    edits.replace(statement.token(typeIndex).start(), statement.token(type.end() - 1).end(), replacement);
    return true;
  }

  /** Passes NULL, infinities and values of at most the declared digits; refuses the rest with 0A000. */
  private static String precisionCheck(String column, TemporalTypeName type) {
    long unit = (long) Math.pow(10, TemporalTypeName.MICROSECONDS - type.precision());
    return "CASE WHEN " + column + " IS NULL OR NOT isfinite(" + column + ") OR epoch_us(" + column + ") % " + unit + " = 0 THEN true "
        + "ELSE error('[0A000] a value with more fractional digits than " + type.postgresName() + " keeps: the gateway does not round "
        + "on the way in (PostgreSQL would); round it first, as with ::" + type.postgresName() + "') END";
  }
}
