package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The unit (in microseconds) each stored value of an INSERT or UPDATE is rounded to when its column is a timestamp
 * declared with fewer fractional digits than microseconds ({@code timestamp(2)}): {@link TemporalPrecisionColumns}
 * gives such a column a CHECK that refuses finer values, and PostgreSQL rounds them on the way in, so a stored literal
 * is rounded first. Read from the target table's CHECK constraints, only for statements storing such a fraction.
 */
final class TimestampColumnPrecisions {
  private static final Pattern CHECK = Pattern.compile("epoch_us\\((\"?)([^()\"]+)\\1\\) % (\\d+)\\) = 0");

  private final Function<String, List<String>> firstColumn;

  /** {@code firstColumn} runs a query and answers its first column's values as text. */
  TimestampColumnPrecisions(Function<String, List<String>> firstColumn) {
    this.firstColumn = requireNonNull(firstColumn, "firstColumn is null");
  }

  /** For each of {@code spans} (some of {@link StoredValues#of}), the unit its column rounds to (1 for none, or where unknown). */
  long[] units(SqlStatement statement, List<StoredValues.Span> spans) {
    long[] units = new long[spans.size()];
    java.util.Arrays.fill(units, 1);
    String table = table(statement);
    if (table == null) {
      return units;
    }
    Map<String, Long> precise = checkedUnits(table);
    if (precise.isEmpty()) {
      return units;
    }
    List<StoredValues.Span> all = StoredValues.of(statement);
    List<String> columns = columnsOf(statement, all, table);
    for (int i = 0; i < spans.size(); i++) {
      int index = all.indexOf(spans.get(i));
      String column = index < 0 ? null : columns.get(index);
      units[i] = column == null ? 1 : precise.getOrDefault(column, 1L);
    }
    return units;
  }

  /** The column each span is stored into (lower case), null where this reading cannot tell. */
  private List<String> columnsOf(SqlStatement statement, List<StoredValues.Span> spans, String table) {
    List<String> columns = new ArrayList<>();
    if (statement.keyword().equals("UPDATE")) {
      for (StoredValues.Span span : spans) {
        Token name = statement.token(span.start() - 2);
        columns.add(name.type() == TokenType.WORD || name.type() == TokenType.QUOTED_IDENTIFIER ? name.value().toLowerCase(Locale.ROOT) : null);
      }
      return columns;
    }
    InsertTarget target = InsertTarget.of(statement);
    List<String> names = target.columns().equals("*")
        ? firstColumn.apply("SELECT lower(column_name) FROM duckdb_columns() WHERE lower(table_name) = " + quoted(table) + " ORDER BY column_index")
        : SqlStatement.parse(target.columns()).tokens().stream().filter(token -> !token.isPunctuation(','))
            .map(token -> token.value().toLowerCase(Locale.ROOT)).toList();
    for (List<StoredValues.Span> row : StoredValues.insertedRows(statement)) {
      for (int i = 0; i < row.size(); i++) {
        columns.add(i < names.size() ? names.get(i) : null);
      }
    }
    return columns.size() == spans.size() ? columns : java.util.Collections.nCopies(spans.size(), null);
  }

  /** Column (lower case) to unit, from the CHECKs of every table of that name; a column two of them disagree on is left out. */
  private Map<String, Long> checkedUnits(String table) {
    Map<String, Long> units = new HashMap<>();
    List<String> checks = firstColumn.apply("SELECT constraint_text FROM duckdb_constraints() WHERE constraint_type = 'CHECK' AND lower(table_name) = "
        + quoted(table) + " AND constraint_text LIKE '%epoch_us(%'");
    for (String check : checks) {
      Matcher matcher = CHECK.matcher(check);
      while (matcher.find()) {
        String column = matcher.group(2).toLowerCase(Locale.ROOT);
        long unit = Long.parseLong(matcher.group(3));
        units.merge(column, unit, (a, b) -> a.equals(b) ? a : -1L);
      }
    }
    units.values().removeIf(unit -> unit < 0);
    return units;
  }

  /** The last part of the target table's name, lower case; null when the statement names none this reading follows. */
  private static String table(SqlStatement statement) {
    String name;
    if (statement.keyword().equals("UPDATE")) {
      int i = statement.keyword(1).equals("ONLY") ? 2 : 1;
      while (i + 2 < statement.size() && statement.token(i + 1).isPunctuation('.')) {
        i += 2;
      }
      Token token = statement.token(i);
      name = token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER ? token.value() : null;
    } else {
      InsertTarget target = InsertTarget.of(statement);
      List<Token> parts = target == null ? List.of() : SqlStatement.parse(target.table()).tokens();
      name = parts.isEmpty() ? null : parts.get(parts.size() - 1).value();
    }
    return name == null ? null : name.toLowerCase(Locale.ROOT);
  }

  private static String quoted(String text) {
    return "'" + text.replace("'", "''") + "'";
  }
}
