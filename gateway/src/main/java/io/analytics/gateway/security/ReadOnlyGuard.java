package io.analytics.gateway.security;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.DuckDbParser;
import io.analytics.gateway.sql.SqlStatement;
import java.util.Set;

/**
 * Refuses, on a read replica, every statement that would change something, as PostgreSQL's hot
 * standby refuses it: DuckDB's own parser decides (one statement in the text, a SELECT without
 * data-modifying CTEs); a statement DuckDB cannot serialize is refused when DuckDB's statement type
 * is a write, and otherwise classified from the lexer's tokens as the role guard does it (DuckDB's
 * type agreeing), only when it holds no character the two could read differently, so
 * comments, case, CTEs, quoting, Unicode spaces and EXPLAIN ANALYZE cannot disguise a write. It is
 * raised as
 * 25006 read_only_sql_transaction. It runs before the role guard: on a replica a write is refused
 * for being a write, whoever sends it. DuckDB is the second wall: the snapshot is attached
 * READ_ONLY, and its refusal is mapped to 25006 as well.
 */
public final class ReadOnlyGuard {
  /** The words that name what a refused statement does, found outside parentheses. */
  private static final Set<String> CHANGING_WORDS = Set.of(
      "INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "CREATE", "DROP", "ALTER", "COMMENT", "CHECKPOINT", "FORCE",
      "VACUUM", "ANALYZE", "COPY", "IMPORT");

  /** Functions that change something: a sequence, or the database file. */
  private static final Set<String> WRITING_FUNCTIONS = Set.of("nextval", "setval", "checkpoint", "force_checkpoint");

  private ReadOnlyGuard() {}

  /** Throws 25006 when the statement would write; returns normally otherwise. */
  public static void check(SqlStatement statement) {
    DuckDbParser.Parsed parsed = DuckDbParser.shared().parse(statement.sql());
    if (parsed.statements() == 0) {
      // DuckDB will refuse it with its syntax error; a write it cannot parse is still named one.
      StatementKind kind = StatementClassifier.classify(StatementClassifier.preparedBody(statement).orElse(statement));
      if (kind == StatementKind.WRITE || kind == StatementKind.DDL || kind == StatementKind.MAINTENANCE) {
        throw readOnly(describe(StatementClassifier.preparedBody(statement).orElse(statement)));
      }
      return;
    }
    if (parsed.statements() != 1) {
      throw readOnly("statements hidden in this text");
    }
    if (parsed.isSingleSelect()) {
      ParseTreeReader tree = ParseTreeReader.read(parsed.selectTree());
      if (tree == null || tree.statements() != 1 || !tree.writes().isEmpty()) {
        throw readOnly(tree == null || tree.writes().isEmpty() ? "this statement"
            : tree.writes().get(0).type().replace("_QUERY_NODE", ""));
      }
      for (FunctionCall call : tree.calls()) {
        if (WRITING_FUNCTIONS.contains(call.name())) {
          throw readOnly(call.name() + "()");
        }
      }
      return;
    }
    if (AmbiguousCharacters.findIn(statement.sql()).isPresent()) {
      throw readOnly("a statement that cannot be classified");
    }
    java.util.Optional<SqlStatement> prepared = StatementClassifier.preparedBody(statement);
    if (prepared.isPresent()) {
      check(prepared.get());
      return;
    }
    if (statement.keyword().equals("EXPLAIN")) {
      int at = statement.keyword(1).equals("ANALYZE") || statement.keyword(1).equals("ANALYSE") ? 2 : 1;
      check(SqlStatement.parse(statement.textFrom(at)));
      return;
    }
    StatementKind kind = StatementClassifier.classify(statement);
    // DuckDB's type decides first: a write by its word is one, and a reading the two disagree on is refused.
    io.analytics.engine.duckdb.DuckDbStatementType type = parsed.singleType().orElse(null);
    if (type == null || !DuckDbStatementKinds.agree(type, kind, statement.keyword())) {
      throw readOnly("a statement that cannot be classified");
    }
    if (DuckDbStatementKinds.writes(type, statement.keyword())) {
      throw readOnly(describe(statement));
    }
    boolean writes = switch (kind) {
      case WRITE, DDL, MAINTENANCE, UNKNOWN -> true;
      // COPY ... FROM and IMPORT DATABASE load data; the role guard refuses file access as well, but
      // on a replica the first thing wrong with them is that they write.
      case FORBIDDEN -> isCopyFrom(statement) || statement.keyword().equals("IMPORT");
      default -> false;
    };
    if (writes) {
      throw readOnly(describe(statement));
    }
  }

  private static PlatformException readOnly(String what) {
    return new PlatformException(SqlState.READ_ONLY_SQL_TRANSACTION,
        "cannot execute " + what + " in a read-only transaction: this gateway is a read replica",
        "A read replica serves a read-only snapshot of the warehouse and the lake's Parquet files.",
        "Send writes to the gateway that owns the warehouse (analytics serve without --replica).", 0, null);
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
