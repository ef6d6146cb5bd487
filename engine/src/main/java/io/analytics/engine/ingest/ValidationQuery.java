package io.analytics.engine.ingest;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static io.analytics.engine.duckdb.SqlIdentifiers.quote;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.schema.CheckSpec;
import io.analytics.catalog.schema.ColumnSpec;
import io.analytics.catalog.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SQL that validates a source relation against a schema, entirely inside DuckDB: each column is
 * TRY_CAST to its declared type, missing values are filled from defaults, and a reject reason is
 * built from failed casts, missing required values and failed checks. Valid rows come out typed;
 * rejected rows come out as their original text plus {@code _reject_reason}.
 */
public final class ValidationQuery {
  /** A source column that carries the 1-based row number of in-memory batches. */
  public static final String ROW_NUMBER_COLUMN = "__row";

  /** The error {@link #validSelectRaisingOnInvalidRows()} raises at the first invalid row. */
  static final String INVALID_ROW_RAISED = "analytics ingest: the batch has invalid rows";

  private final TableSchema schema;
  private final Map<String, String> sourceColumns;
  private final boolean hasRowNumbers;

  /**
   * @param schema the declared schema
   * @param sourceColumnNames the columns of the source relation
   */
  public ValidationQuery(TableSchema schema, List<String> sourceColumnNames) {
    this.schema = requireNonNull(schema, "schema is null");
    Map<String, String> byLowerName = new TreeMap<>();
    for (String name : sourceColumnNames) {
      byLowerName.put(name.toLowerCase(Locale.ROOT), name);
    }
    this.sourceColumns = byLowerName;
    this.hasRowNumbers = byLowerName.containsKey(ROW_NUMBER_COLUMN);
    for (ColumnSpec column : schema.columns()) {
      if (column.required() && column.defaultExpression() == null && !has(column)) {
        throw new PlatformException(
            SqlState.UNDEFINED_COLUMN,
            "the source has no column \"" + column.name() + "\", which " + schema.name() + " requires"
                + " (source columns: " + String.join(", ", sourceColumnNames) + ")");
      }
    }
  }

  /** Statements that create the temporary views {@code __typed}, {@code __filled}, {@code __checked} over {@code source}. */
  public List<String> viewStatements(String source) {
    List<String> typed = new ArrayList<>();
    for (ColumnSpec column : schema.columns()) {
      String name = column.name();
      if (has(column)) {
        String raw = "src." + quote(sourceColumns.get(name.toLowerCase(Locale.ROOT)));
        String cast = "TRY_CAST(" + raw + " AS " + column.type() + ")";
        typed.add(cast + " AS " + quote(name));
        typed.add("(" + raw + " IS NOT NULL AND " + cast + " IS NULL) AS " + quote(bad(name)));
        typed.add("CAST(" + raw + " AS VARCHAR) AS " + quote(raw(name)));
      } else {
        typed.add("CAST(NULL AS " + column.type() + ") AS " + quote(name));
        typed.add("false AS " + quote(bad(name)));
        typed.add("CAST(NULL AS VARCHAR) AS " + quote(raw(name)));
      }
    }
    typed.add((hasRowNumbers ? "CAST(src." + quote(sourceColumns.get(ROW_NUMBER_COLUMN)) + " AS BIGINT)" : "CAST(NULL AS BIGINT)")
        + " AS " + quote(ROW_NUMBER_COLUMN));
    String typedView =
        "CREATE OR REPLACE TEMP VIEW __typed AS SELECT " + String.join(", ", typed) + " FROM " + source + " AS src";

    List<String> replacements = new ArrayList<>();
    for (ColumnSpec column : schema.columns()) {
      if (column.defaultExpression() != null) {
        replacements.add(
            "COALESCE(" + quote(column.name()) + ", CAST((" + column.defaultExpression() + ") AS " + column.type()
                + ")) AS " + quote(column.name()));
      }
    }
    String filledView =
        "CREATE OR REPLACE TEMP VIEW __filled AS SELECT * "
            + (replacements.isEmpty() ? "" : "REPLACE (" + String.join(", ", replacements) + ") ")
            + "FROM __typed";

    List<String> reasons = new ArrayList<>();
    for (ColumnSpec column : schema.columns()) {
      String name = column.name();
      reasons.add(
          "CASE WHEN " + quote(bad(name)) + " THEN " + literal(name + ": cannot convert \"") + " || "
              + quote(raw(name)) + " || " + literal("\" to " + column.type()) + " END");
      if (column.required()) {
        reasons.add(
            "CASE WHEN " + quote(name) + " IS NULL AND NOT " + quote(bad(name)) + " THEN "
                + literal(name + ": required value missing") + " END");
      }
    }
    for (CheckSpec check : schema.checks()) {
      reasons.add(
          "CASE WHEN (" + check.expression() + ") IS FALSE THEN "
              + literal("check " + check.name() + " failed: " + check.expression()) + " END");
    }
    String checkedView =
        "CREATE OR REPLACE TEMP VIEW __checked AS SELECT *, NULLIF(concat_ws('; ', "
            + String.join(", ", reasons) + "), '') AS __reason FROM __filled";
    return List.of(typedView, filledView, checkedView);
  }

  /** The valid rows, typed, in schema column order. */
  public String validSelect() {
    return "SELECT " + typedColumns() + " FROM __checked WHERE __reason IS NULL";
  }

  /**
   * The valid rows as {@link #validSelect()}, but the first invalid row raises
   * {@link #INVALID_ROW_RAISED} instead of being left out: a statement over it that completes
   * has seen every row valid.
   */
  public String validSelectRaisingOnInvalidRows() {
    return "SELECT " + typedColumns() + " FROM __checked WHERE CASE WHEN __reason IS NULL THEN true ELSE error("
        + literal(INVALID_ROW_RAISED) + ") END";
  }

  /** The rejected rows: each schema column as the text it arrived as, the row number and the reason. */
  public String rejectedSelect() {
    List<String> columns = new ArrayList<>();
    for (ColumnSpec column : schema.columns()) {
      columns.add(quote(raw(column.name())) + " AS " + quote(column.name()));
    }
    columns.add(quote(ROW_NUMBER_COLUMN) + " AS _row");
    columns.add("__reason AS _reject_reason");
    return "SELECT " + String.join(", ", columns) + " FROM __checked WHERE __reason IS NOT NULL";
  }

  private String typedColumns() {
    return String.join(", ", schema.columns().stream().map(c -> quote(c.name())).toList());
  }

  private boolean has(ColumnSpec column) {
    return sourceColumns.containsKey(column.name().toLowerCase(Locale.ROOT));
  }

  private static String bad(String name) {
    return "__bad__" + name;
  }

  private static String raw(String name) {
    return "__raw__" + name;
  }
}
