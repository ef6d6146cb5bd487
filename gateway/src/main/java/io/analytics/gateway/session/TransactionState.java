package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sql.SqlStatement;
import java.util.Set;

/**
 * PostgreSQL's transaction rules for one session: the status ReadyForQuery reports, the implicit
 * transaction around a multi-statement simple query or an extended-query batch up to Sync, a failed
 * block refusing everything but its end (25P02), and BEGIN/COMMIT/ROLLBACK with PostgreSQL's
 * warnings. DuckDB's own transaction follows these decisions.
 */
final class TransactionState {
  /** Statements that manage transactions themselves, or that DuckDB refuses inside one: never wrapped in an implicit one. */
  private static final Set<String> OWN_TRANSACTION_KEYWORDS = Set.of(
      "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "CHECKPOINT", "VACUUM", "COPY",
      "ATTACH", "DETACH", "USE");
  /** What a failed block still accepts: the statements that end it. */
  private static final Set<String> ENDS_A_FAILED_BLOCK = Set.of("ROLLBACK", "ABORT", "COMMIT", "END");

  /** What the session does when a transaction ends: close its portals, forget catalog objects it rolled back. */
  interface Listener {
    /** A transaction block begins: the SQL that opens DuckDB's transaction (read only or not). */
    String beginning(SessionCommand.TransactionControl control);

    /** DuckDB's transaction began (explicit or implicit). */
    void started();

    /** The transaction is about to end: portals other than WITH HOLD cursors close. */
    void ending();

    /** An explicit block is about to end, committed or not. */
    void blockEnding(boolean commit);

    /** An implicit transaction ended, committed or not. */
    void implicitEnded(boolean committed);

    /** The transaction ended, committed or rolled back. */
    void ended(boolean committed);
  }

  /** Where PostgreSQL's warnings (BEGIN inside a block, COMMIT outside one) go. */
  interface Warnings {
    void warning(SqlState state, String message);
  }

  private final EngineSession engine;
  private final Listener listener;
  private TransactionStatus status = TransactionStatus.IDLE;
  private boolean implicit;

  TransactionState(EngineSession engine, Listener listener) {
    this.engine = requireNonNull(engine, "engine is null");
    this.listener = requireNonNull(listener, "listener is null");
  }

  /** The status ReadyForQuery reports: an implicit transaction is reported as idle, as PostgreSQL does. */
  TransactionStatus status() {
    return status;
  }

  /** Whether a transaction is open, explicit or implicit (what a statement runs inside). */
  boolean isOpen() {
    return status != TransactionStatus.IDLE || implicit;
  }

  /** Whether a statement manages transactions itself, so that no implicit transaction may wrap it. */
  static boolean controlsTransactions(SqlStatement statement) {
    return OWN_TRANSACTION_KEYWORDS.contains(statement.keyword());
  }

  /** Whether a command ends a transaction (COMMIT or ROLLBACK and their synonyms). */
  static boolean isExit(SessionCommand command) {
    return command instanceof SessionCommand.TransactionControl control
        && control.kind() != SessionCommand.TransactionControl.Kind.BEGIN
        || command instanceof SessionCommand.SavepointCommand savepoint
        && savepoint.action() == SessionCommand.SavepointCommand.Action.ROLLBACK_TO;
  }

  /** In a failed block only its end may run: anything else is refused with 25P02. */
  void checkNotAborted(SqlStatement statement) {
    if (status == TransactionStatus.FAILED && !ENDS_A_FAILED_BLOCK.contains(statement.keyword())) {
      throw new PlatformException(
          SqlState.IN_FAILED_SQL_TRANSACTION, "current transaction is aborted, commands ignored until end of transaction block");
    }
  }

  /** A statement failed: an explicit block is now aborted. */
  void markFailed() {
    if (status == TransactionStatus.IN_BLOCK) {
      status = TransactionStatus.FAILED;
    }
  }

  /**
   * Opens PostgreSQL's implicit transaction around a statement outside any block: a multi-statement
   * simple query, or the extended-query messages up to the next Sync, succeed or fail together.
   */
  void beginImplicit(SqlStatement statement) {
    if (status == TransactionStatus.IDLE && !implicit && !controlsTransactions(statement)) {
      engine.execute("BEGIN TRANSACTION");
      listener.started();
      implicit = true;
    }
  }

  /** Commits the implicit transaction, if one is open. */
  void commitImplicit() {
    if (implicit) {
      implicit = false;
      engine.execute("COMMIT");
      listener.implicitEnded(true);
      listener.ended(true);
    }
  }

  /** Rolls back the implicit transaction after an error, if one is open. */
  void abortImplicit() {
    if (implicit) {
      implicit = false;
      rollbackQuietly();
      listener.implicitEnded(false);
    }
  }

  /** A savepoint's rollback recovered a failed block. */
  void recoveredBySavepoint() {
    if (status != TransactionStatus.IDLE) {
      status = TransactionStatus.IN_BLOCK;
    }
  }

  /** Rolls DuckDB's transaction back and begins it again with {@code beginSql}, for a savepoint's replay or a change of mode. */
  void restartEngineTransaction(String beginSql) {
    try {
      engine.execute("ROLLBACK");
    } catch (PlatformException e) {
      // DuckDB already ended the transaction with the failed statement; nothing to undo.
    }
    listener.ended(false);
    engine.execute(beginSql);
  }

  /** Runs BEGIN, COMMIT or ROLLBACK (and synonyms); returns the command tag PostgreSQL answers with. */
  String control(SessionCommand.TransactionControl control, Warnings warnings) {
    return switch (control.kind()) {
      case BEGIN -> begin(control, warnings);
      case COMMIT -> commit(warnings);
      case ROLLBACK -> rollback(warnings);
    };
  }

  private String begin(SessionCommand.TransactionControl control, Warnings warnings) {
    if (implicit) {
      // As in PostgreSQL, BEGIN inside an implicit transaction makes it an explicit block.
      implicit = false;
      listener.beginning(control);
      status = TransactionStatus.IN_BLOCK;
    } else if (status != TransactionStatus.IDLE) {
      warnings.warning(SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
    } else {
      engine.execute(listener.beginning(control));
      listener.started();
      status = TransactionStatus.IN_BLOCK;
    }
    return control.tag();
  }

  private String commit(Warnings warnings) {
    if (implicit) {
      listener.ending();
      commitImplicit();
      return "COMMIT";
    }
    if (status == TransactionStatus.IDLE) {
      warnings.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
      return "COMMIT";
    }
    // COMMIT of a failed block rolls it back, and says so.
    boolean failed = status == TransactionStatus.FAILED;
    end(!failed);
    return failed ? "ROLLBACK" : "COMMIT";
  }

  private String rollback(Warnings warnings) {
    if (implicit) {
      abortImplicit();
    } else if (status == TransactionStatus.IDLE) {
      warnings.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
    } else {
      end(false);
    }
    return "ROLLBACK";
  }

  private void end(boolean commit) {
    listener.ending();
    status = TransactionStatus.IDLE;
    listener.blockEnding(commit);
    engine.execute(commit ? "COMMIT" : "ROLLBACK");
    listener.ended(commit);
  }

  private void rollbackQuietly() {
    // Portals close first: the engine would otherwise read a live result into memory before the ROLLBACK.
    listener.ending();
    try {
      engine.execute("ROLLBACK");
    } catch (PlatformException e) {
      // DuckDB already ended the transaction with the failed statement; nothing to undo.
    }
    listener.ended(false);
  }
}
