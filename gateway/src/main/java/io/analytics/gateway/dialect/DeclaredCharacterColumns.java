package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.types.DeclaredColumnType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Columns declared {@code char(n)}, {@code varchar(n)} and their other spellings (CREATE TABLE's
 * columns, ALTER TABLE ... ADD COLUMN and ... TYPE) become DuckDB VARCHAR columns that keep what
 * DuckDB would drop: the declared type is recorded as the column's comment by a COMMENT statement
 * put after the DDL (see DeclaredColumnType), and a length is checked on every INSERT and UPDATE by a
 * CHECK constraint raising PostgreSQL's 22001 {@code value too long for type character varying(4)}.
 * As in PostgreSQL, blanks beyond the length pass (PostgreSQL cuts them off; the gateway keeps them
 * and shows the value cut). ALTER TABLE ... ADD COLUMN and ... TYPE record the type without a check
 * (DuckDB adds no CHECK constraint to an existing table).
 */
public final class DeclaredCharacterColumns {
  private static final Set<String> TABLE_CONSTRAINTS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE");

  private DeclaredCharacterColumns() {}

  /** The statement with its character columns translated and their types recorded, or empty when it declares none. */
  public static Optional<String> translate(SqlStatement statement) {
    Optional<CreateTableShape> shape = CreateTableShape.of(statement);
    TextEdits edits = new TextEdits();
    List<String> comments = new ArrayList<>();
    if (shape.isPresent()) {
      String table = nameBefore(statement, shape.get().open());
      for (int[] element : shape.get().elements()) {
        if (!TABLE_CONSTRAINTS.contains(statement.keyword(element[0]))) {
          declare(statement, table, element[0], true, edits, comments);
        }
      }
    } else if (statement.keyword().equals("ALTER") && statement.keyword(1).equals("TABLE")) {
      alter(statement, edits, comments);
    }
    if (comments.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(edits.applyTo(statement.sql()) + "; " + String.join("; ", comments));
  }

  /** {@code ALTER TABLE [IF EXISTS] name ADD [COLUMN] [IF NOT EXISTS] c type} and {@code ALTER [COLUMN] c [SET DATA] TYPE type}. */
  private static void alter(SqlStatement statement, TextEdits edits, List<String> comments) {
    int name = statement.keyword(2).equals("IF") && statement.keyword(3).equals("EXISTS") ? 4 : 2;
    int after = endOfName(statement, name);
    if (after < 0) {
      return;
    }
    String table = statement.sql().substring(statement.token(name).start(), statement.token(after - 1).end());
    int i = after;
    if (statement.keyword(i).equals("ADD")) {
      i++;
      if (statement.keyword(i).equals("COLUMN")) {
        i++;
      }
      if (statement.keyword(i).equals("IF") && statement.keyword(i + 1).equals("NOT") && statement.keyword(i + 2).equals("EXISTS")) {
        i += 3;
      }
      if (!TABLE_CONSTRAINTS.contains(statement.keyword(i))) {
        // DuckDB cannot add a column with a CHECK constraint: the type is recorded, the length not checked.
        declare(statement, table, i, false, edits, comments);
      }
    } else if (statement.keyword(i).equals("ALTER")) {
      i += statement.keyword(i + 1).equals("COLUMN") ? 2 : 1;
      int type = statement.keyword(i + 1).equals("TYPE") ? i + 2
          : statement.keyword(i + 1).equals("SET") && statement.keyword(i + 2).equals("DATA") && statement.keyword(i + 3).equals("TYPE") ? i + 4 : -1;
      if (type > 0) {
        boolean text = statement.keyword(type).equals("TEXT") || statement.keyword(type).equals("STRING");
        if (!declareType(statement, table, i, type, false, edits, comments) && text) {
          // Still a DuckDB VARCHAR, now text: the column's record of its former type goes (other types are never read as declared).
          comments.add("COMMENT ON COLUMN " + table + "." + statement.token(i).text() + " IS NULL");
        }
      }
    }
  }

  private static void declare(SqlStatement statement, String table, int column, boolean check, TextEdits edits, List<String> comments) {
    declareType(statement, table, column, column + 1, check, edits, comments);
  }

  /** Translates the type at {@code typeIndex} of the column named at {@code column}; false when it is no character type. */
  private static boolean declareType(SqlStatement statement, String table, int column, int typeIndex, boolean check, TextEdits edits,
      List<String> comments) {
    if (column >= statement.size()
        || statement.token(column).type() != TokenType.WORD && statement.token(column).type() != TokenType.QUOTED_IDENTIFIER) {
      return false;
    }
    Optional<CharacterTypeName> name = CharacterTypeName.at(statement, typeIndex);
    if (name.isEmpty()) {
      return false;
    }
    DeclaredColumnType type = name.get().type();
    String columnName = statement.token(column).text();
    String replacement = "VARCHAR";
    if (check && type.length() >= 0) {
      replacement += " CHECK (" + lengthCheck(columnName, type) + ")";
    }
    edits.replace(statement.token(typeIndex).start(), statement.token(name.get().end() - 1).end(), replacement);
    comments.add("COMMENT ON COLUMN " + table + "." + columnName + " IS '" + type.comment().replace("'", "''") + "'");
    return true;
  }

  /** Passes NULL and values whose characters beyond the length are blanks; raises 22001 for the rest. */
  static String lengthCheck(String column, DeclaredColumnType type) {
    String typeName = type.type().formatType(type.typmod());
    return "CASE WHEN " + column + " IS NULL OR length(" + column + ") <= " + type.length() + " OR length(rtrim(" + column + ", ' ')) <= "
        + type.length() + " THEN true ELSE error('[22001] value too long for type " + typeName + "') END";
  }

  /** The table name as written before token {@code open} (its dotted parts). */
  private static String nameBefore(SqlStatement statement, int open) {
    int first = open - 1;
    while (first >= 2 && statement.token(first - 1).isPunctuation('.')) {
      first -= 2;
    }
    return statement.sql().substring(statement.token(first).start(), statement.token(open - 1).end());
  }

  /** The index after a dotted name starting at {@code start}, or -1 when none starts there. */
  static int endOfName(SqlStatement statement, int start) {
    int i = start;
    while (i < statement.size() && (statement.token(i).type() == TokenType.WORD || statement.token(i).type() == TokenType.QUOTED_IDENTIFIER)) {
      if (i + 1 < statement.size() && statement.token(i + 1).isPunctuation('.')) {
        i += 2;
      } else {
        return i + 1;
      }
    }
    return -1;
  }
}
