package io.analytics.gateway.errors;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.ErrorSubject;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.security.WriteTarget;
import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites DuckDB's constraint violations (23502, 23503, 23505, 23514) as PostgreSQL reports them: its
 * message and detail texts ({@code duplicate key value violates unique constraint "t_pkey"}, {@code
 * Key (id)=(1) already exists.}) and the schema, table, column and constraint fields clients read
 * (psycopg2's {@code e.diag.constraint_name}, pgjdbc's {@code ServerErrorMessage}). DuckDB names the
 * key's columns and values but not always the table or the constraint: the table is the one the
 * statement writes, the constraint is found in DuckDB's catalog under the name the gateway's
 * pg_constraint shows. When the catalog cannot be read (the failed statement aborted its
 * transaction) what the message alone tells is reported.
 */
public final class ConstraintViolations {
  private static final Pattern DUPLICATE_KEY = Pattern.compile("Duplicate key \"(.*)\" violates (primary key|unique) constraint", Pattern.DOTALL);
  private static final Pattern DUPLICATE_VALUES = Pattern.compile("duplicate key \"(.*)\"", Pattern.DOTALL);
  private static final Pattern NOT_NULL = Pattern.compile("NOT NULL constraint failed: (?:(.+)\\.)?([^.]+)$");
  private static final Pattern CHECK = Pattern.compile("CHECK constraint failed on table \"?([^\" ]+)\"? with expression (.*)$", Pattern.DOTALL);
  private static final Pattern FOREIGN_KEY = Pattern.compile("key \"(.*)\" (does not exist in the referenced table|is still referenced)", Pattern.DOTALL);
  private static final String SEPARATOR = "\u0001";
  private static final String LIST_SEPARATOR = "\u0002";
  private static final String CONSTRAINTS = "SELECT concat_ws(chr(1), schema_name, table_name, constraint_type, coalesce(constraint_name, ''), "
      + "coalesce(array_to_string(constraint_column_names, chr(2)), ''), coalesce(referenced_table, ''), "
      + "coalesce(array_to_string(referenced_column_names, chr(2)), ''), coalesce(constraint_text, '')) FROM duckdb_constraints() "
      + "WHERE database_name = current_database() AND (lower(table_name) = lower(?) OR lower(referenced_table) = lower(?)) "
      + "ORDER BY schema_name <> 'main', schema_name, constraint_index";

  /** A constraint as DuckDB's catalog lists it. */
  private record Constraint(String schema, String table, String type, String name, List<String> columns,
      String referencedTable, List<String> referencedColumns, String text) {
    /** The name the gateway's pg_constraint shows (see PgKeyCatalog): PostgreSQL's default for keys. */
    String presentedName() {
      return switch (type) {
        case "PRIMARY KEY" -> table + "_pkey";
        case "FOREIGN KEY" -> table + "_" + String.join("_", columns) + "_fkey";
        default -> name;
      };
    }
  }

  private final BiFunction<String, Object[], List<String>> catalog;

  /** @param catalog runs a catalog query with parameters and returns its first column */
  public ConstraintViolations(BiFunction<String, Object[], List<String>> catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  /** The error as PostgreSQL words it, or the error itself when it is no constraint violation this knows. */
  public PlatformException explain(PlatformException error, SqlStatement statement) {
    SqlState state = error.sqlState();
    if (statement == null || error.subject() != null || (state != SqlState.UNIQUE_VIOLATION && state != SqlState.NOT_NULL_VIOLATION
        && state != SqlState.CHECK_VIOLATION && state != SqlState.FOREIGN_KEY_VIOLATION)) {
      return error;
    }
    WriteTarget target = WriteTarget.of(statement);
    if (target == null) {
      return error;
    }
    String message = error.getMessage();
    return switch (state) {
      case UNIQUE_VIOLATION -> uniqueViolation(error, target, message);
      case NOT_NULL_VIOLATION -> notNullViolation(error, target, message);
      case CHECK_VIOLATION -> checkViolation(error, target, message);
      default -> foreignKeyViolation(error, target, message);
    };
  }

  private PlatformException uniqueViolation(PlatformException error, WriteTarget target, String message) {
    List<String> columns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    Matcher named = DUPLICATE_KEY.matcher(message);
    Matcher unnamed = DUPLICATE_VALUES.matcher(message);
    if (named.find()) {
      for (String pair : named.group(1).split(", ")) {
        int colon = pair.indexOf(": ");
        columns.add(colon < 0 ? pair : pair.substring(0, colon));
        values.add(colon < 0 ? "" : pair.substring(colon + 2));
      }
    } else if (unnamed.find()) {
      values.addAll(List.of(unnamed.group(1).split(", ")));
    } else {
      return error;
    }
    List<Constraint> constraints = constraints(target.name());
    Constraint key = null;
    for (Constraint constraint : ownConstraints(constraints, target)) {
      boolean unique = constraint.type().equals("PRIMARY KEY") || constraint.type().equals("UNIQUE");
      boolean matches = columns.isEmpty() ? constraint.columns().size() == values.size() : sameNames(constraint.columns(), columns);
      if (unique && matches) {
        if (key != null && columns.isEmpty()) {
          // Two keys of as many columns: DuckDB did not say which.
          key = null;
          break;
        }
        key = constraint;
      }
    }
    if (key == null) {
      return withSubject(error, error.getMessage(), error.detail(), target, null, null, constraints);
    }
    String detail = "Key (" + String.join(", ", key.columns()) + ")=(" + String.join(", ", values) + ") already exists.";
    return withSubject(error, "duplicate key value violates unique constraint \"" + key.presentedName() + "\"", detail,
        target, null, key.presentedName(), constraints);
  }

  private PlatformException notNullViolation(PlatformException error, WriteTarget target, String message) {
    Matcher matcher = NOT_NULL.matcher(message);
    if (!matcher.find()) {
      return error;
    }
    String table = matcher.group(1) != null ? unquoted(matcher.group(1)) : target.name();
    String column = unquoted(matcher.group(2));
    return withSubject(error, "null value in column \"" + column + "\" of relation \"" + table + "\" violates not-null constraint",
        null, target, column, null, constraints(target.name()));
  }

  private PlatformException checkViolation(PlatformException error, WriteTarget target, String message) {
    Matcher matcher = CHECK.matcher(message);
    if (!matcher.find()) {
      return error;
    }
    String table = matcher.group(1);
    String expression = matcher.group(2).trim();
    List<Constraint> constraints = constraints(target.name());
    String name = null;
    for (Constraint constraint : ownConstraints(constraints, target)) {
      if (constraint.type().equals("CHECK") && constraint.text().equals(expression)) {
        name = constraint.presentedName();
        break;
      }
    }
    if (name == null) {
      return withSubject(error, error.getMessage(), error.detail(), target, null, null, constraints);
    }
    return withSubject(error, "new row for relation \"" + table + "\" violates check constraint \"" + name + "\"", null,
        target, null, name, constraints);
  }

  /**
   * An INSERT or UPDATE of a referencing row names the key it did not find; a DELETE or UPDATE of a
   * referenced row the key still referenced.
   */
  private PlatformException foreignKeyViolation(PlatformException error, WriteTarget target, String message) {
    Matcher matcher = FOREIGN_KEY.matcher(message);
    if (!matcher.find()) {
      return error;
    }
    List<String> keyColumns = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (String pair : matcher.group(1).split(", ")) {
      int colon = pair.indexOf(": ");
      keyColumns.add(colon < 0 ? pair : pair.substring(0, colon));
      values.add(colon < 0 ? "" : pair.substring(colon + 2));
    }
    boolean referencing = matcher.group(2).startsWith("does not exist");
    List<Constraint> constraints = constraints(target.name());
    Constraint key = null;
    for (Constraint constraint : constraints) {
      boolean side = referencing ? constraint.table().equalsIgnoreCase(target.name())
          : constraint.referencedTable().equalsIgnoreCase(target.name());
      // DuckDB names the referenced columns of a missing key, the referencing ones of a key still referenced.
      List<String> named = referencing ? constraint.referencedColumns() : constraint.columns();
      if (constraint.type().equals("FOREIGN KEY") && side && sameNames(named, keyColumns)) {
        key = constraint;
        break;
      }
    }
    if (key == null) {
      return withSubject(error, error.getMessage(), error.detail(), target, null, null, constraints);
    }
    String name = key.presentedName();
    String valueList = String.join(", ", values);
    if (referencing) {
      return withSubject(error, "insert or update on table \"" + key.table() + "\" violates foreign key constraint \"" + name + "\"",
          "Key (" + String.join(", ", key.columns()) + ")=(" + valueList + ") is not present in table \"" + key.referencedTable() + "\".",
          new WriteTarget("TABLE", key.schema(), key.table()), null, name, constraints);
    }
    return withSubject(error, "update or delete on table \"" + target.name() + "\" violates foreign key constraint \"" + name
            + "\" on table \"" + key.table() + "\"",
        "Key (" + String.join(", ", key.referencedColumns()) + ")=(" + valueList + ") is still referenced from table \"" + key.table() + "\".",
        new WriteTarget("TABLE", key.schema(), key.table()), null, name, constraints);
  }

  /** The error with its PostgreSQL text and fields; the schema is the table's as clients see it (main is public). */
  private static PlatformException withSubject(PlatformException error, String message, String detail, WriteTarget table,
      String column, String constraint, List<Constraint> constraints) {
    String schema = table.schema();
    if (schema.isEmpty()) {
      schema = ownConstraints(constraints, table).stream().map(Constraint::schema).findFirst().orElse("main");
    }
    if (schema.equalsIgnoreCase("main")) {
      schema = "public";
    }
    ErrorSubject subject = new ErrorSubject(schema, table.name(), column, null, constraint);
    return new PlatformException(error.sqlState(), message, detail, error.hint(), error.position(), subject, error);
  }

  /** The constraints on the written table, in its schema when the statement named one. */
  private static List<Constraint> ownConstraints(List<Constraint> constraints, WriteTarget target) {
    String schema = target.schema().equalsIgnoreCase("public") ? "main" : target.schema();
    List<Constraint> own = new ArrayList<>();
    String firstSchema = null;
    for (Constraint constraint : constraints) {
      if (!constraint.table().equalsIgnoreCase(target.name()) || !schema.isEmpty() && !constraint.schema().equalsIgnoreCase(schema)) {
        continue;
      }
      // An unqualified name is the table of the first schema that has one (main first).
      if (firstSchema == null) {
        firstSchema = constraint.schema();
      }
      if (constraint.schema().equals(firstSchema)) {
        own.add(constraint);
      }
    }
    return own;
  }

  private List<Constraint> constraints(String table) {
    List<String> rows;
    try {
      rows = catalog.apply(CONSTRAINTS, new Object[] {table, table});
    } catch (PlatformException e) {
      // The failed statement aborted its transaction: the catalog cannot be read until it ends.
      return List.of();
    }
    List<Constraint> constraints = new ArrayList<>();
    for (String row : rows) {
      String[] fields = row.split(SEPARATOR, -1);
      if (fields.length >= 8) {
        constraints.add(new Constraint(fields[0], fields[1], fields[2], fields[3], names(fields[4]), fields[5], names(fields[6]),
            fields[7]));
      }
    }
    return constraints;
  }

  /** DuckDB quotes names that are keywords ({@code t."label"}); PostgreSQL's texts do not. */
  private static String unquoted(String name) {
    return name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"") : name;
  }

  private static List<String> names(String joined) {
    return joined.isEmpty() ? List.of() : List.of(joined.split(LIST_SEPARATOR, -1));
  }

  private static boolean sameNames(List<String> a, List<String> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!a.get(i).toLowerCase(Locale.ROOT).equals(b.get(i).toLowerCase(Locale.ROOT))) {
        return false;
      }
    }
    return true;
  }
}
