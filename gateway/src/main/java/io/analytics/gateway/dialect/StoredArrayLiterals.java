package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.types.ArrayLiteral;
import io.analytics.gateway.types.PgType;
import io.analytics.gateway.types.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A PostgreSQL array literal ({@code '{1,2,3}'}, {@code '{{a,b},{c,d}}'}) that {@code INSERT ... VALUES} or
 * {@code UPDATE ... SET} stores into an array column is given to DuckDB as list text ({@code '[1, 2, 3]'}), the form
 * DuckDB casts to the column's list type: DuckDB refused PostgreSQL's form with 22P02, so the rows were missing and
 * every later read of the table (max of an array column, slices) answered otherwise than PostgreSQL. Which column a
 * literal lands in is DuckDB's binder's answer ({@link StoredValues#targetTypes}); only statements holding a string
 * literal that starts with {@code {} or a dimension decoration pay for that probe. An array with dimensions DuckDB
 * cannot hold (a lower bound other than 1, more dimensions than the column's nested lists) is refused with 0A000,
 * never stored otherwise.
 */
public final class StoredArrayLiterals {
  /** {@code [0:4]} or {@code [1:2][1:3]} before {@code =} in array_in's input: explicit bounds per dimension. */
  private static final Pattern DIMENSIONS = Pattern.compile("^\\s*((?:\\[\\s*[+-]?\\d+\\s*(?::\\s*[+-]?\\d+\\s*)?\\]\\s*)+)=");
  private static final Pattern BOUND = Pattern.compile("\\[\\s*([+-]?\\d+)\\s*(?::\\s*([+-]?\\d+)\\s*)?\\]");
  private static final Set<String> NUMERIC_ELEMENTS = Set.of(
      "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "FLOAT", "DOUBLE");

  private final AnyArrayParameters.ParameterTypes probe;

  public StoredArrayLiterals(AnyArrayParameters.ParameterTypes probe) {
    this.probe = requireNonNull(probe, "probe is null");
  }

  /** Probes with the session's own DuckDB connection, where the statement's tables are visible. */
  public static StoredArrayLiterals probingWith(EngineSession engine) {
    return new StoredArrayLiterals(AnyArrayParameters.ParameterTypes.preparingWith(engine));
  }

  public SqlStatement apply(SqlStatement statement) {
    String keyword = statement.keyword();
    if (!keyword.equals("INSERT") && !keyword.equals("UPDATE")) {
      return statement;
    }
    List<StoredValues.Span> spans = new ArrayList<>();
    for (StoredValues.Span span : StoredValues.of(statement)) {
      Token value = statement.token(span.start());
      if (span.end() - span.start() == 1 && value.type() == TokenType.STRING && looksLikeArray(value.value())) {
        spans.add(span);
      }
    }
    if (spans.isEmpty()) {
      return statement;
    }
    List<String> types = StoredValues.targetTypes(statement, spans, probe);
    if (types == null) {
      return statement;
    }
    TokenEdits edits = null;
    for (int i = 0; i < spans.size(); i++) {
      String type = types.get(i);
      if (type == null || !type.endsWith("[]")) {
        continue;
      }
      Token value = statement.token(spans.get(i).start());
      String list = listText(value.value(), type, statement.sql().codePointCount(0, value.start()) + 1);
      if (edits == null) {
        edits = new TokenEdits(statement);
      }
      edits.replace(value.start(), value.end(), "'" + list.replace("'", "''") + "'");
    }
    return edits == null ? statement : edits.result();
  }

  private static boolean looksLikeArray(String text) {
    String stripped = text.stripLeading();
    return stripped.startsWith("{") || DIMENSIONS.matcher(text).find();
  }

  /**
   * The DuckDB list text for {@code text} stored into a column of DuckDB type {@code columnType} ({@code INTEGER[]},
   * {@code VARCHAR[][]}); {@code position} is where the literal starts in the statement, for the error.
   */
  static String listText(String text, String columnType, int position) {
    String array = text;
    Matcher dimensions = DIMENSIONS.matcher(text);
    if (dimensions.find()) {
      Matcher bound = BOUND.matcher(dimensions.group(1));
      while (bound.find()) {
        if (bound.group(2) != null && !bound.group(1).equals("1")) {
          throw refused("array lower bounds other than 1 are not supported by the gateway (\"" + bound.group() + "\")",
              "store the array without its bounds decoration", position);
        }
      }
      array = text.substring(dimensions.end());
    }
    int columnDimensions = 0;
    String element = columnType;
    while (element.endsWith("[]")) {
      element = element.substring(0, element.length() - 2);
      columnDimensions++;
    }
    String list = ArrayLiteral.duckDbListText(array, elementType(element));
    int literalDimensions = ArrayLiteral.dimensions(array);
    if (literalDimensions > columnDimensions && !list.equals("[]")) {
      // DuckDB would read each sub-array as one element of the column's lists; PostgreSQL's one multi-dimensional
      // array cannot be held by fewer nested lists, so it is refused, not flattened or stringified.
      throw refused("a " + literalDimensions + "-dimensional array cannot be stored in a " + columnDimensions
          + "-dimensional list column of the gateway", "declare the column with as many [] as the array has dimensions", position);
    }
    return list;
  }

  private static PgType elementType(String duckDbType) {
    String type = duckDbType.toUpperCase(Locale.ROOT);
    if (NUMERIC_ELEMENTS.contains(type) || type.startsWith("DECIMAL")) {
      return PgTypes.INT4;
    }
    return type.equals("BOOLEAN") ? PgTypes.BOOL : PgTypes.TEXT;
  }

  private static PlatformException refused(String message, String hint, int position) {
    return new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, message, null, hint, position, null);
  }
}
