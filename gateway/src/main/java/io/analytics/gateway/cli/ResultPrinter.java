package io.analytics.gateway.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.QueryRows;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prints a query result as an aligned table (like psql), CSV or JSON lines. */
final class ResultPrinter {
  enum Format {
    table,
    csv,
    json
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ResultPrinter() {}

  static void print(QueryRows rows, Format format, PrintWriter out) {
    switch (format) {
      case table -> table(rows, out);
      case csv -> csv(rows, out);
      case json -> json(rows, out);
    }
    out.flush();
  }

  private static void table(QueryRows rows, PrintWriter out) {
    int columns = rows.columns().size();
    int[] widths = new int[columns];
    for (int i = 0; i < columns; i++) {
      widths[i] = rows.columns().get(i).length();
      for (List<Object> row : rows.rows()) {
        widths[i] = Math.max(widths[i], text(row.get(i)).length());
      }
    }
    List<String> header = new ArrayList<>();
    List<String> rule = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      header.add(" " + pad(rows.columns().get(i), widths[i]) + " ");
      rule.add("-".repeat(widths[i] + 2));
    }
    out.println(String.join("|", header).stripTrailing());
    out.println(String.join("+", rule));
    for (List<Object> row : rows.rows()) {
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < columns; i++) {
        cells.add(" " + pad(text(row.get(i)), widths[i]) + " ");
      }
      out.println(String.join("|", cells).stripTrailing());
    }
    out.println("(" + rows.size() + (rows.size() == 1 ? " row)" : " rows)"));
  }

  private static void csv(QueryRows rows, PrintWriter out) {
    out.println(String.join(",", rows.columns().stream().map(ResultPrinter::csvField).toList()));
    for (List<Object> row : rows.rows()) {
      out.println(String.join(",", row.stream().map(v -> v == null ? "" : csvField(text(v))).toList()));
    }
  }

  private static void json(QueryRows rows, PrintWriter out) {
    try {
      for (List<Object> row : rows.rows()) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < rows.columns().size(); i++) {
          object.put(rows.columns().get(i), row.get(i) == null ? null : text(row.get(i)));
        }
        out.println(JSON.writeValueAsString(object));
      }
    } catch (JsonProcessingException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot print JSON: " + e.getMessage(), e);
    }
  }

  private static String csvField(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(Math.max(0, width - value.length()));
  }
}
