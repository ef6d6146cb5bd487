package io.analytics.gateway.sql;

import java.util.Set;

/** The CommandComplete tag PostgreSQL sends for a statement, e.g. "SELECT 5", "INSERT 0 1". */
public final class CommandTags {
  private static final Set<String> OBJECT_WORDS_TO_SKIP =
      Set.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNIQUE", "UNLOGGED", "GLOBAL", "LOCAL", "MATERIALIZED",
          "IF", "NOT", "EXISTS", "PERSISTENT", "SECRET", "MACRO", "TRANSIENT");

  private CommandTags() {}

  /** The tag for a statement that returned {@code rows} rows (or changed that many). */
  public static String forStatement(SqlStatement statement, long rows) {
    String keyword = effectiveKeyword(statement);
    return switch (keyword) {
      case "SELECT", "VALUES", "TABLE", "FROM", "WITH", "SUMMARIZE", "DESCRIBE", "PIVOT", "UNPIVOT" -> "SELECT " + rows;
      case "INSERT" -> "INSERT 0 " + rows;
      case "UPDATE", "DELETE", "MERGE", "COPY", "FETCH", "MOVE" -> keyword + " " + rows;
      case "CREATE" -> createTag(statement, rows);
      case "DROP", "ALTER" -> keyword + objectKind(statement, 1);
      case "START" -> "START TRANSACTION";
      case "END" -> "COMMIT";
      case "ABORT" -> "ROLLBACK";
      case "TRUNCATE" -> "TRUNCATE TABLE";
      case "DISCARD" -> "DISCARD " + statement.keyword(1);
      case "DEALLOCATE" -> statement.keyword(1).equals("ALL") ? "DEALLOCATE ALL" : "DEALLOCATE";
      case "DECLARE" -> "DECLARE CURSOR";
      case "CLOSE" -> statement.keyword(1).equals("ALL") ? "CLOSE CURSOR ALL" : "CLOSE CURSOR";
      case "" -> "SELECT " + rows;
      default -> keyword;
    };
  }

  /** The leading keyword, looking through WITH ... to the statement it prefixes. */
  static String effectiveKeyword(SqlStatement statement) {
    String keyword = statement.keyword();
    if (!keyword.equals("WITH") && !keyword.equals("EXPLAIN")) {
      return keyword;
    }
    if (keyword.equals("EXPLAIN")) {
      return "EXPLAIN";
    }
    int main = statement.indexOfTopLevelKeyword(1, java.util.Set.of("INSERT", "UPDATE", "DELETE", "SELECT"));
    if (main >= 0) {
      return statement.keyword(main);
    }
    return "SELECT";
  }

  private static String createTag(SqlStatement statement, long rows) {
    String kind = objectKind(statement, 1);
    // CREATE TABLE ... AS reports the rows it wrote, like SELECT INTO.
    if (kind.equals(" TABLE")) {
      for (int i = 2; i < statement.size(); i++) {
        if (statement.keyword(i).equals("AS")) {
          return "SELECT " + rows;
        }
        if (statement.token(i).isPunctuation('(')) {
          break;
        }
      }
    }
    return "CREATE" + kind;
  }

  private static String objectKind(SqlStatement statement, int from) {
    int i = from;
    while (OBJECT_WORDS_TO_SKIP.contains(statement.keyword(i))) {
      i++;
    }
    String word = statement.keyword(i);
    if (word.equals("FOREIGN") || word.equals("DEFAULT")) {
      return " " + word + " " + statement.keyword(i + 1);
    }
    if (word.equals("VIEW") && statement.keyword(from).equals("MATERIALIZED")) {
      return " MATERIALIZED VIEW";
    }
    return word.isEmpty() ? "" : " " + word;
  }
}
