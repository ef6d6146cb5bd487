package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.security.ReadOnlyGuard;
import io.analytics.gateway.sql.SqlStatement;

/**
 * Read-only transactions as PostgreSQL has them: BEGIN / START TRANSACTION READ ONLY, SET
 * TRANSACTION READ ONLY, SET SESSION CHARACTERISTICS and default_transaction_read_only. A write in
 * a read-only transaction is refused with 25006 before it runs, classified as the replica's
 * {@link ReadOnlyGuard} classifies statements (temporary tables included, as PostgreSQL refuses
 * them too); a transaction begun read-only is also begun READ ONLY in DuckDB, which refuses writes
 * to its databases itself. SHOW transaction_read_only and transaction_isolation tell the truth.
 */
final class ReadOnlyTransactions {
  private final SessionParameters parameters;
  private boolean inTransaction;
  private boolean readOnly;
  /** Whether DuckDB's own transaction was begun READ ONLY. */
  private boolean duckDbReadOnly;
  /** Whether a statement ran in the transaction (its modes are fixed from then on, as in PostgreSQL). */
  private boolean queried;

  ReadOnlyTransactions(SessionParameters parameters) {
    this.parameters = requireNonNull(parameters, "parameters is null");
  }

  /** Whether the statement writes, as the read-only guard classifies it. */
  static boolean writes(SqlStatement statement) {
    try {
      ReadOnlyGuard.check(statement);
      return false;
    } catch (PlatformException e) {
      if (e.sqlState() == SqlState.READ_ONLY_SQL_TRANSACTION) {
        return true;
      }
      throw e;
    }
  }

  /** An explicit transaction begins with these modes; returns the DuckDB statement that begins it. */
  String begin(TransactionModes modes) {
    inTransaction = true;
    queried = false;
    readOnly = modes.readOnly() != null ? modes.readOnly() : isOn("default_transaction_read_only");
    duckDbReadOnly = readOnly;
    parameters.set("transaction_read_only", readOnly ? "on" : "off");
    parameters.set("transaction_isolation", modes.isolation() != null ? modes.isolation() : parameters.get("default_transaction_isolation"));
    return duckDbReadOnly ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION";
  }

  /** The explicit transaction ended: the session's defaults apply again. */
  void ended() {
    inTransaction = false;
    readOnly = false;
    duckDbReadOnly = false;
    refresh();
  }

  /** After a SET: outside a transaction, transaction_read_only follows the default; inside, it is the transaction's. */
  void refresh() {
    if (inTransaction) {
      readOnly = isOn("transaction_read_only");
    } else {
      parameters.set("transaction_read_only", parameters.get("default_transaction_read_only"));
      parameters.set("transaction_isolation", parameters.get("default_transaction_isolation"));
    }
  }

  /** Refuses a write with 25006 when the statement's transaction is read-only; called for every statement. */
  void check(SqlStatement statement) {
    queried = true;
    boolean readOnlyNow = inTransaction ? readOnly : isOn("default_transaction_read_only");
    if (!readOnlyNow) {
      return;
    }
    try {
      ReadOnlyGuard.check(statement);
    } catch (PlatformException e) {
      if (e.sqlState() != SqlState.READ_ONLY_SQL_TRANSACTION) {
        throw e;
      }
      throw new PlatformException(SqlState.READ_ONLY_SQL_TRANSACTION,
          "cannot execute " + whatItDoes(e.getMessage(), statement) + " in a read-only transaction");
    }
  }

  /** "INSERT", "CREATE TABLE", "COPY FROM": the guard's own words for what the statement does. */
  private static String whatItDoes(String guardMessage, SqlStatement statement) {
    String prefix = "cannot execute ";
    int end = guardMessage.indexOf(" in a read-only transaction");
    return guardMessage.startsWith(prefix) && end > prefix.length()
        ? guardMessage.substring(prefix.length(), end)
        : statement.keyword();
  }

  /**
   * SET TRANSACTION / SET SESSION CHARACTERISTICS AS TRANSACTION. Returns a warning to send, or null.
   *
   * @param restartReadWrite begins DuckDB's transaction again read-write (when READ WRITE is set
   *     before any statement of a transaction begun READ ONLY)
   */
  String set(SessionCommand.SetTransaction command, boolean inBlock, Runnable restartReadWrite) {
    TransactionModes modes = command.modes();
    if (command.sessionDefaults()) {
      if (modes.readOnly() != null) {
        parameters.set("default_transaction_read_only", modes.readOnly() ? "on" : "off");
      }
      if (modes.isolation() != null) {
        parameters.set("default_transaction_isolation", modes.isolation());
      }
      refresh();
      return null;
    }
    if (!inBlock) {
      return "SET TRANSACTION can only be used in transaction blocks";
    }
    if (modes.isolation() != null) {
      // Every level is the engine's snapshot isolation, so a change after a query (25001 in
      // PostgreSQL) never changes the level: accepted as PostgreSQL accepts setting the same level.
      parameters.set("transaction_isolation", modes.isolation());
    }
    if (modes.readOnly() != null) {
      if (!modes.readOnly() && readOnly && queried) {
        throw new PlatformException(SqlState.ACTIVE_SQL_TRANSACTION, "transaction read-write mode must be set before any query");
      }
      if (!modes.readOnly() && duckDbReadOnly) {
        restartReadWrite.run();
        duckDbReadOnly = false;
      }
      readOnly = modes.readOnly();
      parameters.set("transaction_read_only", readOnly ? "on" : "off");
    }
    return null;
  }

  private boolean isOn(String name) {
    return parameters.get(name).equals("on");
  }
}
