package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * PostgreSQL's auto-numbered columns in CREATE TABLE, which DuckDB lacks: {@code serial},
 * {@code bigserial}, {@code smallserial} (and serial2/4/8) and {@code GENERATED {ALWAYS | BY DEFAULT}
 * AS IDENTITY [(sequence options)]} become a DuckDB sequence named as PostgreSQL names it
 * ({@code table_column_seq}, in the table's schema) and {@code DEFAULT nextval('...') NOT NULL}.
 * The sequences are created by statements put before the CREATE TABLE.
 */
public final class SerialColumns {
  private static final Map<String, String> SERIAL_TYPES = Map.of(
      "serial", "INTEGER", "serial4", "INTEGER", "bigserial", "BIGINT", "serial8", "BIGINT",
      "smallserial", "SMALLINT", "serial2", "SMALLINT");
  private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE");
  private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_$]*");

  private SerialColumns() {}

  /** The statement with its auto-numbered columns translated, or empty when it has none. */
  public static Optional<String> translate(SqlStatement statement) {
    Optional<CreateTableShape> shape = CreateTableShape.of(statement);
    if (shape.isEmpty()) {
      return Optional.empty();
    }
    TextEdits edits = new TextEdits();
    List<String> sequences = new ArrayList<>();
    for (int[] element : shape.get().elements()) {
      int start = element[0];
      if (TABLE_CONSTRAINTS.contains(statement.keyword(start)) || element[1] - start < 2) {
        continue;
      }
      String sequence = sequenceName(shape.get(), statement.token(start).value());
      String defaultClause = " DEFAULT nextval('" + sequence.replace("'", "''") + "') NOT NULL";
      Token type = statement.token(start + 1);
      String serialType = type.type() == io.analytics.gateway.sql.TokenType.WORD ? SERIAL_TYPES.get(type.value()) : null;
      if (serialType != null) {
        edits.replace(type.start(), type.end(), serialType + defaultClause);
        sequences.add(createSequence(shape.get(), sequence, ""));
        continue;
      }
      int identity = identityClause(statement, start, element[1]);
      if (identity >= 0) {
        int end = identityEnd(statement, identity, element[1]);
        String options = statement.token(end - 1).isPunctuation(')')
            ? statement.sql().substring(statement.token(identityOptionsOpen(statement, identity) + 1).start(), statement.token(end - 1).start()).strip()
            : "";
        edits.replace(statement.token(identity).start(), statement.token(end - 1).end(), defaultClause.strip());
        sequences.add(createSequence(shape.get(), sequence, options));
      }
    }
    if (edits.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(String.join("; ", sequences) + "; " + edits.applyTo(statement.sql()));
  }

  /** The index of GENERATED in {@code GENERATED {ALWAYS | BY DEFAULT} AS IDENTITY} within [from, to), or -1. */
  private static int identityClause(SqlStatement statement, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!statement.keyword(i).equals("GENERATED")) {
        continue;
      }
      int as = statement.keyword(i + 1).equals("ALWAYS") ? i + 2
          : statement.keyword(i + 1).equals("BY") && statement.keyword(i + 2).equals("DEFAULT") ? i + 3 : -1;
      if (as > 0 && statement.keyword(as).equals("AS") && statement.keyword(as + 1).equals("IDENTITY")) {
        return i;
      }
    }
    return -1;
  }

  private static int identityOptionsOpen(SqlStatement statement, int generated) {
    int i = generated;
    while (!statement.keyword(i).equals("IDENTITY")) {
      i++;
    }
    return i + 1;
  }

  /** The index after the identity clause (after its parenthesised sequence options, if any). */
  private static int identityEnd(SqlStatement statement, int generated, int to) {
    int open = identityOptionsOpen(statement, generated);
    if (open >= to || !statement.token(open).isPunctuation('(')) {
      return open;
    }
    int close = CreateTableShape.closingParen(statement, open);
    return close < 0 || close >= to ? open : close + 1;
  }

  private static String sequenceName(CreateTableShape shape, String column) {
    List<String> parts = new ArrayList<>(shape.nameParts().subList(0, shape.nameParts().size() - 1));
    parts.add(shape.table() + "_" + column + "_seq");
    List<String> quoted = new ArrayList<>();
    for (String part : parts) {
      quoted.add(PLAIN_NAME.matcher(part).matches() ? part : "\"" + part.replace("\"", "\"\"") + "\"");
    }
    return String.join(".", quoted);
  }

  private static String createSequence(CreateTableShape shape, String sequence, String options) {
    return "CREATE " + (shape.temporary() ? "TEMP " : "") + "SEQUENCE IF NOT EXISTS " + sequence + (options.isEmpty() ? "" : " " + options);
  }
}
