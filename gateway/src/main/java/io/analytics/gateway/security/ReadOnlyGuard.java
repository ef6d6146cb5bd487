package io.analytics.gateway.security;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import java.util.Set;

/**
 * Refuses, on a read replica, every statement that would change something: classified from the
 * lexer's tokens as the role guard classifies them ({@link StatementClassifier}), so comments, case,
 * CTEs and EXPLAIN ANALYZE cannot disguise a write, and raised as PostgreSQL's hot standby raises it,
 * 25006 read_only_sql_transaction. It runs before the role guard: on a replica a write is refused
 * for being a write, whoever sends it. DuckDB is the second wall: the snapshot is attached
 * READ_ONLY, and its refusal is mapped to 25006 as well.
 */
public final class ReadOnlyGuard {
  /** The words that name what a refused statement does, found outside parentheses. */
  private static final Set<String> CHANGING_WORDS = Set.of(
      "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "CREATE", "DROP", "ALTER", "COMMENT", "CHECKPOINT", "FORCE",
      "VACUUM", "ANALYZE", "COPY", "IMPORT");

  private ReadOnlyGuard() {}

  /** Throws 25006 when the statement would write; returns normally otherwise. */
  public static void check(SqlStatement statement) {
    java.util.Optional<SqlStatement> prepared = StatementClassifier.preparedBody(statement);
    if (prepared.isPresent()) {
      check(prepared.get());
      return;
    }
    StatementKind kind = StatementClassifier.classify(statement);
    boolean writes = switch (kind) {
      case WRITE, DDL, MAINTENANCE -> true;
      // COPY ... FROM and IMPORT DATABASE load data; the role guard refuses file access as well, but
      // on a replica the first thing wrong with them is that they write.
      case FORBIDDEN -> isCopyFrom(statement) || statement.keyword().equals("IMPORT");
      default -> false;
    };
    if (writes) {
      throw new PlatformException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot execute " + describe(statement) + " in a read-only transaction: this gateway is a read replica",
          "A read replica serves a read-only snapshot of the warehouse and the lake's Parquet files.",
          "Send writes to the gateway that owns the warehouse (analytics serve without --replica).", 0, null);
    }
  }

  private static boolean isCopyFrom(SqlStatement statement) {
    return statement.keyword().equals("COPY") && statement.indexOfTopLevelKeyword(1, Set.of("FROM")) >= 0;
  }

  /** What the statement does, as PostgreSQL names it in this error: INSERT, CREATE TABLE, COPY FROM, ... */
  private static String describe(SqlStatement statement) {
    if (isCopyFrom(statement)) {
      return "COPY FROM";
    }
    int at = statement.indexOfTopLevelKeyword(0, CHANGING_WORDS);
    if (at < 0) {
      return statement.keyword();
    }
    String word = statement.keyword(at);
    if (word.equals("CREATE") || word.equals("DROP") || word.equals("ALTER")) {
      WriteTarget target = WriteTarget.of(statement);
      return target == null ? word : word + " " + target.kind();
    }
    return word;
  }
}
