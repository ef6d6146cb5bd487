package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.types.DeclaredColumnType;
import io.analytics.gateway.types.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A string literal with trailing blanks that {@code INSERT ... VALUES} or {@code UPDATE ... SET} stores into a column declared {@code char(n)} or
 * {@code varchar(n)} (a DuckDB VARCHAR, see {@link DeclaredCharacterColumns}) is stored as PostgreSQL stores it:
 * char(n) without its trailing blanks (they never count in PostgreSQL: comparisons, casts to text, {@code ||} and
 * string_agg all drop them), varchar(n) with the blanks beyond n cut off. Kept as written, {@code 'abcd    '} in a
 * varchar(4) column came back as {@code abcd    } from {@code f1::text}, {@code string_agg} and UNION, and a char(4)
 * {@code 'ab  '} was not equal to {@code 'ab'}. Only statements holding such a literal pay for the catalog lookup of
 * the target table's declared types; a literal that does not fit is left for the column's CHECK to refuse with 22001.
 */
public final class StoredCharacterLiterals {
  /** The columns of the table a (possibly qualified) name denotes, in order; null when it is not a table the session sees. */
  public interface TableColumns {
    List<Column> of(List<String> qualifiedName);
  }

  /** One table column: its name and the character type its DDL declared, null for other columns. */
  public record Column(String name, DeclaredColumnType declared) {
    public Column {
      requireNonNull(name, "name is null");
    }
  }

  private final TableColumns tables;

  public StoredCharacterLiterals(TableColumns tables) {
    this.tables = requireNonNull(tables, "tables is null");
  }

  public SqlStatement apply(SqlStatement statement) {
    boolean insert = statement.keyword().equals("INSERT") && statement.keyword(1).equals("INTO");
    boolean update = statement.keyword().equals("UPDATE");
    if (!insert && !update || statement.tokens().stream().noneMatch(StoredCharacterLiterals::endsWithBlank)) {
      return statement;
    }
    int nameStart = insert ? 2 : statement.keyword(1).equals("ONLY") ? 2 : 1;
    int nameEnd = DeclaredCharacterColumns.endOfName(statement, nameStart);
    List<List<StoredValues.Span>> rows = insert ? StoredValues.insertedRows(statement) : List.of(StoredValues.of(statement));
    if (nameEnd < 0 || rows.stream().allMatch(List::isEmpty)) {
      return statement;
    }
    List<Column> columns = tables.of(nameParts(statement, nameStart, nameEnd));
    if (columns == null || columns.stream().allMatch(column -> column.declared() == null)) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    List<Column> targets = insert ? targets(statement, nameEnd, columns) : null;
    for (List<StoredValues.Span> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        StoredValues.Span span = row.get(i);
        // An UPDATE's value follows "column =".
        Column target = insert ? targets != null && i < targets.size() ? targets.get(i) : null
            : find(columns, statement.token(span.start() - 2).value());
        Token value = statement.token(span.start());
        if (target != null && target.declared() != null && span.end() - span.start() == 1 && endsWithBlank(value)) {
          String stored = stored(value.value(), target.declared());
          if (!stored.equals(value.value())) {
            edits.replace(value.start(), value.end(), "'" + stored.replace("'", "''") + "'");
          }
        }
      }
    }
    return edits.result();
  }

  /** The value PostgreSQL stores for {@code value} in a column of the declared type (a value too long is left to the CHECK). */
  static String stored(String value, DeclaredColumnType declared) {
    int length = declared.length();
    int end = value.length();
    while (end > 0 && value.charAt(end - 1) == ' ') {
      end--;
    }
    String trimmed = value.substring(0, end);
    if (declared.type() == PgTypes.BPCHAR) {
      return length < 0 || trimmed.codePointCount(0, trimmed.length()) <= length ? trimmed : value;
    }
    if (length < 0 || value.codePointCount(0, value.length()) <= length || trimmed.codePointCount(0, trimmed.length()) > length) {
      return value;
    }
    return value.substring(0, value.offsetByCodePoints(0, length));
  }

  private static boolean endsWithBlank(Token token) {
    return token.type() == TokenType.STRING && token.value().endsWith(" ");
  }

  /** The columns the VALUES items fill in order: the listed ones, or all of the table's; null when a listed one is unknown. */
  private static List<Column> targets(SqlStatement statement, int nameEnd, List<Column> columns) {
    int open = nameEnd;
    if (statement.keyword(open).equals("AS")) {
      open += 2;
    }
    if (open >= statement.size() || !statement.token(open).isPunctuation('(')) {
      return columns;
    }
    int close = statement.closingParenthesis(open);
    List<Column> targets = new ArrayList<>();
    for (int i = open + 1; close > 0 && i < close; i += 2) {
      Token name = statement.token(i);
      Column column = name.type() == TokenType.WORD || name.type() == TokenType.QUOTED_IDENTIFIER ? find(columns, name.value()) : null;
      if (column == null || i + 1 < close && !statement.token(i + 1).isPunctuation(',')) {
        return null;
      }
      targets.add(column);
    }
    return targets;
  }

  private static Column find(List<Column> columns, String name) {
    for (Column column : columns) {
      if (column.name().equalsIgnoreCase(name)) {
        return column;
      }
    }
    return null;
  }

  private static List<String> nameParts(SqlStatement statement, int start, int end) {
    List<String> parts = new ArrayList<>();
    for (int i = start; i < end; i += 2) {
      Token part = statement.token(i);
      parts.add(part.type() == TokenType.WORD ? part.text().toLowerCase(Locale.ROOT) : part.value());
    }
    return parts;
  }
}
