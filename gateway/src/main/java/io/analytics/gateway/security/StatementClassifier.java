package io.analytics.gateway.security;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import java.util.Optional;
import java.util.Set;

/**
 * Classifies a statement by its leading keyword, read from the lexer's tokens (so comments, case
 * and quoting cannot disguise it). {@code WITH ...} is classified by the statement after its CTEs,
 * {@code EXPLAIN [ANALYZE]} by the statement it explains.
 */
final class StatementClassifier {
  private static final Set<String> READS = Set.of("SELECT", "VALUES", "TABLE", "FROM", "SHOW", "DESCRIBE", "DESC", "SUMMARIZE", "PIVOT", "UNPIVOT");
  private static final Set<String> WRITES = Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE");
  private static final Set<String> DDLS = Set.of("CREATE", "DROP", "ALTER", "COMMENT");
  private static final Set<String> MAINTENANCE = Set.of("CHECKPOINT", "FORCE", "VACUUM", "ANALYZE");
  private static final Set<String> SESSION = Set.of(
      "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "USE", "PREPARE", "EXECUTE", "DEALLOCATE");
  private static final Set<String> SETTINGS = Set.of("SET", "RESET", "PRAGMA");
  private static final Set<String> FORBIDDEN = Set.of("INSTALL", "LOAD", "ATTACH", "DETACH", "COPY", "EXPORT", "IMPORT");

  private StatementClassifier() {}

  static StatementKind classify(SqlStatement statement) {
    int at = skipOpeningParentheses(statement, 0);
    String keyword = statement.keyword(at);
    if (keyword.equals("WITH")) {
      return classifyAfterCtes(statement, at + 1);
    }
    if (keyword.equals("EXPLAIN")) {
      int inner = at + 1;
      if (statement.keyword(inner).equals("ANALYZE") || statement.keyword(inner).equals("ANALYSE")) {
        inner++;
      }
      return classifyFrom(statement, skipOpeningParentheses(statement, inner));
    }
    return classifyFrom(statement, at);
  }

  private static StatementKind classifyFrom(SqlStatement statement, int at) {
    String keyword = statement.keyword(at);
    if (keyword.equals("WITH")) {
      return classifyAfterCtes(statement, at + 1);
    }
    if (keyword.equals("CREATE") && isCreateSecret(statement, at)) {
      return StatementKind.FORBIDDEN;
    }
    if (keyword.equals("UPDATE") && statement.keyword(at + 1).equals("EXTENSIONS")) {
      return StatementKind.FORBIDDEN;
    }
    if (READS.contains(keyword)) {
      return StatementKind.READ;
    } else if (WRITES.contains(keyword)) {
      return StatementKind.WRITE;
    } else if (DDLS.contains(keyword)) {
      return StatementKind.DDL;
    } else if (MAINTENANCE.contains(keyword)) {
      return StatementKind.MAINTENANCE;
    } else if (SESSION.contains(keyword)) {
      return StatementKind.SESSION;
    } else if (SETTINGS.contains(keyword)) {
      return StatementKind.SETTING;
    } else if (keyword.equals("CALL")) {
      return StatementKind.CALL;
    } else if (FORBIDDEN.contains(keyword)) {
      return StatementKind.FORBIDDEN;
    }
    return StatementKind.UNKNOWN;
  }

  /**
   * The statement a SQL-level {@code PREPARE name [(types)] AS statement} prepares, to be checked as
   * that statement now: {@code EXECUTE name} later runs it without showing what it does.
   */
  static Optional<SqlStatement> preparedBody(SqlStatement statement) {
    if (!statement.keyword().equals("PREPARE")) {
      return Optional.empty();
    }
    int depth = 0;
    for (int i = 1; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.isPunctuation('(')) {
        depth++;
      } else if (token.isPunctuation(')')) {
        depth--;
      } else if (depth == 0 && statement.keyword(i).equals("AS")) {
        return Optional.of(SqlStatement.parse(statement.textFrom(i + 1)));
      }
    }
    return Optional.empty();
  }

  /** CREATE [OR REPLACE] [PERSISTENT|TEMPORARY] SECRET. */
  private static boolean isCreateSecret(SqlStatement statement, int at) {
    for (int i = at + 1; i < Math.min(statement.size(), at + 6); i++) {
      if (statement.keyword(i).equals("SECRET")) {
        return true;
      }
    }
    return false;
  }

  /** Skips {@code name [(cols)] AS [NOT] [MATERIALIZED] (query)} entries to the statement they lead to. */
  private static StatementKind classifyAfterCtes(SqlStatement statement, int at) {
    java.util.Set<String> leads = new java.util.HashSet<>(READS);
    leads.addAll(WRITES);
    int main = statement.indexOfTopLevelKeyword(at, leads);
    return main < 0 ? StatementKind.UNKNOWN : classifyFrom(statement, main);
  }

  private static int skipOpeningParentheses(SqlStatement statement, int at) {
    while (at < statement.size() && statement.token(at).isPunctuation('(')) {
      at++;
    }
    return at;
  }
}
