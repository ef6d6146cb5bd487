package io.analytics.gateway.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rows of equal ORDER BY keys (ties) come in an order the SQL leaves to the server: PostgreSQL's sort and DuckDB's
 * may put them differently and both be right. Two ordered answers are the same up to ties when they have the same
 * keys in the same order and, within each run of equal keys, the same rows as a multiset. This applies only when
 * every item of the statement's top-level ORDER BY is a result column (by name or position); otherwise the rows'
 * order is compared strictly. It never hides different values: the rows, as multisets, must be equal first.
 */
final class TieGroups {
  private TieGroups() {}

  static boolean sameUpToTies(String sql, List<String> columns, List<List<String>> postgres, List<List<String>> gateway) {
    if (postgres.size() != gateway.size()) {
      return false;
    }
    List<Integer> keys = keyColumns(sql, columns);
    if (keys == null) {
      return false;
    }
    int start = 0;
    while (start < postgres.size()) {
      List<String> key = key(postgres.get(start), keys);
      int end = start;
      while (end < postgres.size() && key(postgres.get(end), keys).equals(key)) {
        end++;
      }
      List<List<String>> expected = sorted(postgres.subList(start, end));
      List<List<String>> actual = sorted(gateway.subList(start, end));
      if (!expected.equals(actual)) {
        return false;
      }
      start = end;
    }
    return true;
  }

  /** The result columns the top-level ORDER BY names, in order; null when an item is anything else. */
  static List<Integer> keyColumns(String sql, List<String> columns) {
    String order = topLevelOrderBy(sql);
    if (order == null) {
      return null;
    }
    List<Integer> keys = new ArrayList<>();
    for (String item : order.split(",")) {
      String name = item.strip().replaceFirst("(?i)\\s+nulls\\s+(first|last)$", "").replaceFirst("(?i)\\s+(asc|desc)$", "").strip();
      if (name.matches("\\d+")) {
        int position = Integer.parseInt(name);
        if (position < 1 || position > columns.size()) {
          return null;
        }
        keys.add(position - 1);
        continue;
      }
      int found = -1;
      for (int i = 0; i < columns.size(); i++) {
        String column = columns.get(i).substring(0, columns.get(i).lastIndexOf(':'));
        if (column.equalsIgnoreCase(name)) {
          if (found >= 0) {
            return null;
          }
          found = i;
        }
      }
      if (found < 0) {
        return null;
      }
      keys.add(found);
    }
    return keys;
  }

  /** The text of the last top-level ORDER BY list, up to LIMIT, OFFSET or FETCH; null when there is none. */
  private static String topLevelOrderBy(String sql) {
    String lower = sql.toLowerCase(Locale.ROOT);
    int depth = 0;
    int from = -1;
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      if (c == '\'' || c == '"') {
        int end = lower.indexOf(c, i + 1);
        if (end < 0) {
          return null;
        }
        i = end;
      } else if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && lower.startsWith("order", i) && (i == 0 || !Character.isLetterOrDigit(lower.charAt(i - 1)))
          && lower.substring(i + 5).stripLeading().startsWith("by")) {
        from = lower.indexOf("by", i + 5) + 2;
      }
    }
    if (from < 0) {
      return null;
    }
    String order = sql.substring(from);
    String[] ends = order.toLowerCase(Locale.ROOT).split("\\b(limit|offset|fetch)\\b", 2);
    String list = order.substring(0, ends[0].length()).strip();
    return list.contains("(") || list.contains("'") ? null : list;
  }

  private static List<String> key(List<String> row, List<Integer> keys) {
    List<String> key = new ArrayList<>();
    for (int index : keys) {
      key.add(row.get(index));
    }
    return key;
  }

  private static List<List<String>> sorted(List<List<String>> rows) {
    List<List<String>> sorted = new ArrayList<>(rows);
    sorted.sort((a, b) -> String.join("\u0000", a.stream().map(String::valueOf).toList())
        .compareTo(String.join("\u0000", b.stream().map(String::valueOf).toList())));
    return sorted;
  }
}
