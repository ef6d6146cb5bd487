package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.Optional;

/**
 * A column declared {@code numeric} or {@code decimal} without precision (CREATE TABLE's columns,
 * ALTER TABLE ... ADD COLUMN and ... TYPE) becomes {@code DECIMAL(38,10)}: DuckDB's unconstrained
 * DECIMAL is DECIMAL(18,3), which rounded every stored value to 3 decimals (0.0001 was stored as
 * 0.000) and refused more than 15 integer digits. PostgreSQL's unconstrained numeric keeps each
 * value's own digits; a DuckDB column has one scale, so it gets DuckDB's widest precision and the
 * scale the gateway already gives numeric parameters and PostgreSQL sources' numeric columns
 * (10 decimals, 28 integer digits). See docs/TYPES.md for the trade-off.
 */
public final class UnconstrainedNumericColumns {
  static final String COLUMN_TYPE = "DECIMAL(38,10)";

  private UnconstrainedNumericColumns() {}

  /** The statement with its unconstrained numeric column types widened, or empty when it declares none. */
  public static Optional<String> translate(SqlStatement statement) {
    Optional<CreateTableShape> shape = CreateTableShape.of(statement);
    TextEdits edits = new TextEdits();
    if (shape.isPresent()) {
      for (int[] element : shape.get().elements()) {
        // a column definition: name, then its type
        widen(statement, element[0] + 1, edits);
      }
    } else if (statement.keyword().equals("ALTER") && statement.keyword(1).equals("TABLE")) {
      for (int i = 2; i + 1 < statement.size(); i++) {
        if (statement.keyword(i).equals("TYPE") || statement.keyword(i).equals("ADD") && isColumnName(statement, i + 1)) {
          int type = statement.keyword(i).equals("TYPE") ? i + 1 : statement.keyword(i + 1).equals("COLUMN") ? i + 3 : i + 2;
          widen(statement, type, edits);
        }
      }
    }
    return edits.isEmpty() ? Optional.empty() : Optional.of(edits.applyTo(statement.sql()));
  }

  private static boolean isColumnName(SqlStatement statement, int i) {
    String keyword = statement.keyword(i);
    return !keyword.equals("CONSTRAINT") && !keyword.equals("PRIMARY") && !keyword.equals("UNIQUE") && !keyword.equals("CHECK")
        && !keyword.equals("FOREIGN");
  }

  private static void widen(SqlStatement statement, int type, TextEdits edits) {
    if (type >= statement.size()) {
      return;
    }
    Token token = statement.token(type);
    boolean numeric = token.is("numeric") || token.is("decimal");
    boolean typmod = type + 1 < statement.size() && statement.token(type + 1).isPunctuation('(');
    if (numeric && !typmod) {
      edits.replace(token.start(), token.end(), COLUMN_TYPE);
    }
  }
}
