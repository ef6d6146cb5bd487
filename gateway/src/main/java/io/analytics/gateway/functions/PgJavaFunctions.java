package io.analytics.gateway.functions;

import static org.duckdb.DuckDBColumnType.BOOLEAN;
import static org.duckdb.DuckDBColumnType.VARCHAR;

import io.analytics.gateway.json.DuckDbScalarFunction;
import java.sql.SQLException;
import java.util.List;
import org.duckdb.DuckDBConnection;

/**
 * PostgreSQL functions no DuckDB function or macro expresses, as Java functions in DuckDB, registered once per
 * database (see DatabaseFunctions) and called by the {@link PgStringFunctionMacros}: {@code pg_parse_ident} answers
 * the identifiers as a JSON array of strings, which the macro casts to text[]; {@code pg_to_char_number} is to_char
 * with a numeric format ({@link PgNumberFormat}, called by {@link PgFormatCalls}).
 */
public final class PgJavaFunctions {
  /** The function whose presence says the others are registered: registered last. */
  public static final String MARKER = "pg_parse_ident";
  /** to_char(number, numeric format): (the number as text, its DuckDB type, the format). */
  static final String TO_CHAR_NUMBER = "pg_to_char_number";

  private PgJavaFunctions() {}

  public static void register(DuckDBConnection connection) throws SQLException {
    for (DuckDbScalarFunction function : all()) {
      function.register(connection); // the marker is the last of them
    }
  }

  private static List<DuckDbScalarFunction> all() {
    return List.of(
        new DuckDbScalarFunction(TO_CHAR_NUMBER, List.of(VARCHAR, VARCHAR, VARCHAR), VARCHAR,
            a -> PgNumberFormat.format((String) a[0], (String) a[1], (String) a[2])),
        new DuckDbScalarFunction(MARKER, List.of(VARCHAR, BOOLEAN), VARCHAR, a -> jsonArray(PgIdentifierParser.parse((String) a[0], (Boolean) a[1]))));
  }

  private static String jsonArray(List<String> items) {
    StringBuilder json = new StringBuilder("[");
    for (String item : items) {
      json.append(json.length() > 1 ? "," : "").append('"');
      for (char c : item.toCharArray()) {
        if (c == '"' || c == '\\') {
          json.append('\\').append(c);
        } else if (c < 0x20) {
          json.append(String.format("\\u%04x", (int) c));
        } else {
          json.append(c);
        }
      }
      json.append('"');
    }
    return json.append(']').toString();
  }
}
