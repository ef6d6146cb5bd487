package io.analytics.gateway.security;

import io.analytics.engine.duckdb.DuckDbStatementType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Which of the guard's statement kinds each of DuckDB's statement types may be. The guard reads a
 * statement's kind, target and options from the lexer's tokens, but only runs a statement whose
 * lexed kind is one DuckDB's parser agrees with: a text the two read differently is refused, so
 * what DuckDB runs is what was checked. Types no client may run are refused by DuckDB's word alone.
 */
final class DuckDbStatementKinds {
  /** Never from a client, whatever the lexer reads: extensions, other databases, files of the whole database. */
  private static final Set<DuckDbStatementType> FORBIDDEN = EnumSet.of(DuckDbStatementType.LOAD,
      DuckDbStatementType.ATTACH, DuckDbStatementType.DETACH, DuckDbStatementType.EXPORT, DuckDbStatementType.EXTENSION,
      DuckDbStatementType.COPY_DATABASE, DuckDbStatementType.UPDATE_EXTENSIONS, DuckDbStatementType.LOGICAL_PLAN,
      DuckDbStatementType.RELATION);

  /** Types that change the database whatever their details (a read replica refuses them by DuckDB's word). */
  private static final Set<DuckDbStatementType> WRITES = EnumSet.of(DuckDbStatementType.INSERT, DuckDbStatementType.UPDATE,
      DuckDbStatementType.DELETE, DuckDbStatementType.MERGE_INTO, DuckDbStatementType.CREATE, DuckDbStatementType.ALTER,
      DuckDbStatementType.DROP, DuckDbStatementType.CREATE_FUNC, DuckDbStatementType.VACUUM, DuckDbStatementType.ANALYZE,
      DuckDbStatementType.COPY_DATABASE);

  private DuckDbStatementKinds() {}

  /** Whether DuckDB's type alone makes the statement a write (DEALLOCATE, a DROP to DuckDB, only forgets a plan). */
  static boolean writes(DuckDbStatementType type, String keyword) {
    return WRITES.contains(type) && !(type == DuckDbStatementType.DROP && keyword.equals("DEALLOCATE"));
  }

  static boolean isForbidden(DuckDbStatementType type) {
    return FORBIDDEN.contains(type);
  }

  /**
   * Whether the lexer's reading of a statement (its kind and leading keyword) agrees with DuckDB's
   * type. A lexed FORBIDDEN always agrees: the guard refuses it whatever DuckDB reads.
   */
  static boolean agree(DuckDbStatementType type, StatementKind lexed, String keyword) {
    if (lexed == StatementKind.FORBIDDEN) {
      return true;
    }
    if (type == DuckDbStatementType.DROP && keyword.equals("DEALLOCATE")) {
      return lexed == StatementKind.SESSION;
    }
    return agreeingWith(type).contains(lexed);
  }

  /** The lexed kinds that agree with DuckDB's type (none for a type the guard does not know). */
  private static Set<StatementKind> agreeingWith(DuckDbStatementType type) {
    return switch (type) {
      case SELECT, MULTI -> EnumSet.of(StatementKind.READ);
      case INSERT, UPDATE, DELETE, MERGE_INTO -> EnumSet.of(StatementKind.WRITE);
      case CREATE, ALTER, DROP, CREATE_FUNC -> EnumSet.of(StatementKind.DDL);
      case PREPARE, EXECUTE, TRANSACTION -> EnumSet.of(StatementKind.SESSION);
      // SET, RESET and SET VARIABLE are settings to the guard, USE is session housekeeping.
      case SET, VARIABLE_SET -> EnumSet.of(StatementKind.SETTING, StatementKind.SESSION);
      case PRAGMA -> EnumSet.of(StatementKind.SETTING);
      case VACUUM, ANALYZE -> EnumSet.of(StatementKind.MAINTENANCE);
      // CHECKPOINT is a CALL to DuckDB.
      case CALL -> EnumSet.of(StatementKind.CALL, StatementKind.MAINTENANCE);
      default -> EnumSet.noneOf(StatementKind.class);
    };
  }
}
