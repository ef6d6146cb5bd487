package io.analytics.engine.duckdb;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, fully read query result: column names, DuckDB type names and rows of Java values.
 *
 * @param columns column labels
 * @param types DuckDB's type name of each column
 * @param rows values as the JDBC driver returns them
 */
public record QueryRows(List<String> columns, List<String> types, List<List<Object>> rows) {
  public QueryRows {
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
    types = List.copyOf(requireNonNull(types, "types is null"));
    List<List<Object>> copy = new ArrayList<>();
    for (List<Object> row : rows) {
      copy.add(Collections.unmodifiableList(new ArrayList<>(row)));
    }
    rows = Collections.unmodifiableList(copy);
  }

  /** Each row as a map from column name to value, in column order. */
  public List<Map<String, Object>> asMaps() {
    List<Map<String, Object>> maps = new ArrayList<>();
    for (List<Object> row : rows) {
      Map<String, Object> map = new LinkedHashMap<>();
      for (int i = 0; i < columns.size(); i++) {
        map.put(columns.get(i), row.get(i));
      }
      maps.add(map);
    }
    return maps;
  }

  public int size() {
    return rows.size();
  }
}
