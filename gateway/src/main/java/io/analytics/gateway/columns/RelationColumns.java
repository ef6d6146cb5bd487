package io.analytics.gateway.columns;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A relation's columns in order, each with its name and origin (what {@code SELECT *} of it gives). */
record RelationColumns(List<Column> columns) {
  RelationColumns {
    columns = List.copyOf(requireNonNull(columns, "columns is null"));
  }

  /** One column of a relation: its name and where its values come from. */
  record Column(String name, ColumnOrigin origin) {
    Column {
      requireNonNull(name, "name is null");
      requireNonNull(origin, "origin is null");
    }
  }

  /** The columns of a table or view as a catalog lists them: they come from it. */
  static RelationColumns ofTable(int tableOid, List<String> names) {
    List<Column> columns = new java.util.ArrayList<>(names.size());
    for (int i = 0; i < names.size(); i++) {
      columns.add(new Column(names.get(i), new ColumnOrigin(tableOid, (short) (i + 1))));
    }
    return new RelationColumns(columns);
  }

  /** The first column of this name (names compare as DuckDB's folded identifiers do), or null. */
  Column find(String name) {
    for (Column column : columns) {
      if (column.name().equalsIgnoreCase(name)) {
        return column;
      }
    }
    return null;
  }

  /** The same columns, the first ones renamed (a table alias's column list: {@code FROM t AS x(a, b)}). */
  RelationColumns renamed(List<String> names) {
    if (names.isEmpty()) {
      return this;
    }
    List<Column> renamed = new java.util.ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      Column column = columns.get(i);
      renamed.add(i < names.size() ? new Column(names.get(i), column.origin()) : column);
    }
    return new RelationColumns(renamed);
  }
}
