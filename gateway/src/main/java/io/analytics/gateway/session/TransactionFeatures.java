package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.gateway.notify.NotificationHub;
import io.analytics.gateway.notify.SessionNotifications;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;

/**
 * What the gateway adds to DuckDB's transactions for one session: savepoints (emulated by replay),
 * read-only transactions, the write turn a writing transaction holds, and LISTEN/NOTIFY, whose
 * notifications are delivered when a transaction commits. It owns the session's {@link TransactionState}
 * and hears its every step.
 */
final class TransactionFeatures implements StatementRunner.Hooks, TransactionState.Listener {
  private final ResultReceiver receiver;
  private final SessionParameters parameters;
  private final Portals portals;
  private final ClientQueryPreparer preparer;
  private final SavepointEmulation savepoints;
  private final ReadOnlyTransactions readOnlyTransactions;
  private final WriteTurns writeTurns;
  private final TransactionState transactions;
  /** What the session's tier does before each statement (a readers' instance catching up with the warehouse). */
  private final Runnable beforeStatement;
  /** Set when the session starts and has its process id. */
  private SessionNotifications notifications;
  /** Whether a Parse is being checked (see {@link #beforeRoleCheck}). */
  private boolean parsing;

  TransactionFeatures(EngineSession engine, ResultReceiver receiver, SessionParameters parameters, Portals portals,
      ClientQueryPreparer preparer, WriteTurns writeTurns, Runnable beforeStatement) {
    this.beforeStatement = requireNonNull(beforeStatement, "beforeStatement is null");
    this.receiver = requireNonNull(receiver, "receiver is null");
    this.parameters = requireNonNull(parameters, "parameters is null");
    this.portals = requireNonNull(portals, "portals is null");
    this.preparer = requireNonNull(preparer, "preparer is null");
    this.writeTurns = requireNonNull(writeTurns, "writeTurns is null");
    this.savepoints = new SavepointEmulation(engine);
    this.readOnlyTransactions = new ReadOnlyTransactions(parameters);
    this.transactions = new TransactionState(engine, this);
  }

  TransactionState transactions() {
    return transactions;
  }

  /** The session has its process id: LISTEN and NOTIFY work from now on. */
  void notificationsStarted(SessionNotifications notifications) {
    this.notifications = requireNonNull(notifications, "notifications is null");
    preparer.notificationsStarted(new io.analytics.gateway.notify.NotifyFunction(notifications));
  }

  /**
   * Read-only transactions refuse writes, and a writing statement waits for its write turn, before
   * the role guard runs; but a Parse never waits for one, as PostgreSQL's Parse takes no locks: a
   * client preparing statements synchronously (pgbench -M prepared, one thread for all its
   * connections) would wait for a turn its other connection can only give back once the client
   * reads from it. Bind takes the turn instead (see {@link #beforeRunning}).
   */
  void beforeRoleCheck(SqlStatement statement) {
    beforeStatement.run();
    statementStarting();
    readOnlyTransactions.check(statement);
    if (!parsing) {
      writeTurns.beforeRunning(statement);
    }
  }

  @Override
  public void parsing(boolean parsing) {
    this.parsing = parsing;
  }

  @Override
  public void beforeRunning(SqlStatement statement) {
    beforeStatement.run();
    statementStarting();
    if (writeTurns.beforeRunning(statement) && transactions.isOpen()) {
      // The snapshot predates the turn's previous holder's commit, and nothing ran on it yet: a fresh one.
      restartEngineTransaction();
    }
  }

  @Override
  public void executed(SqlStatement statement, PreparedQuery query, List<Object> values, QueryResult result) {
    savepoints.executed(statement, query.sql(), values, result);
    writeTurns.executed();
  }

  @Override
  public void notifyChannel(String channel, String payload) {
    notifications.notify(channel, payload, transactions.isOpen());
  }

  @Override
  public boolean runTransactionCommand(SessionCommand command) {
    if (command instanceof SessionCommand.SavepointCommand savepoint) {
      savepoints.run(savepoint, transactions.status() != TransactionStatus.IDLE, transactions.status() == TransactionStatus.FAILED,
          savepointRestarter());
      NotificationSavepoints.ran(savepoint.action(), savepoints.depth(), notifications);
      transactions.recoveredBySavepoint();
      receiver.commandComplete(savepoint.action().tag());
    } else if (NotificationStatements.run(command, notifications, transactions.isOpen(), receiver::notice)) {
      receiver.commandComplete(NotificationStatements.tag(command));
    } else if (command instanceof SessionCommand.SetTransaction set) {
      String warning = readOnlyTransactions.set(set, transactions.status() != TransactionStatus.IDLE, this::restartEngineTransaction);
      if (warning != null) {
        receiver.warning(SqlState.NO_ACTIVE_SQL_TRANSACTION, warning);
      }
      receiver.commandComplete("SET");
    } else {
      return false;
    }
    return true;
  }

  @Override
  public void commandRan() {
    readOnlyTransactions.refresh();
  }

  /** Rolls DuckDB's transaction back and begins it again, for a savepoint's replay or a change of mode. */
  private void restartEngineTransaction() {
    transactions.restartEngineTransaction(parameters.get("transaction_read_only").equals("on")
        && transactions.status() != TransactionStatus.IDLE ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
  }

  private SavepointEmulation.Restarter savepointRestarter() {
    return new SavepointEmulation.Restarter() {
      @Override
      public void restartTransaction() {
        restartEngineTransaction();
      }

      @Override
      public void beforeReplay(SqlStatement statement) {
        preparer.ensureCatalogObjects(statement, transactions.isOpen());
      }
    };
  }

  @Override
  public String beginning(SessionCommand.TransactionControl control) {
    return readOnlyTransactions.begin(control.modes());
  }

  @Override
  public void started() {
    savepoints.transactionStarted();
  }

  @Override
  public void blockEnding(boolean commit) {
    readOnlyTransactions.ended();
    notifications.transactionEnded(commit);
  }

  @Override
  public void implicitEnded(boolean committed) {
    notifications.transactionEnded(committed);
  }

  /** A transaction ends: its portals close, except cursors declared WITH HOLD. */
  @Override
  public void ending() {
    portals.closeTransactionPortals();
  }

  @Override
  public void ended(boolean committed) {
    preparer.transactionEnded(committed);
  }

  /** A COPY FROM STDIN loaded rows: a savepoint cannot replay it. */
  void copiedIn() {
    savepoints.unreplayable("COPY FROM STDIN");
  }

  /** Writes the notifications received so far (at ReadyForQuery outside a transaction, or when idle). */
  void deliverNotifications() {
    if (notifications == null) {
      return;
    }
    notifications.statementsSucceeded();
    for (NotificationHub.Notification n : notifications.drainReceived()) {
      receiver.notification(n.processId(), n.channel(), n.payload());
    }
  }

  private void statementStarting() {
    if (notifications != null) {
      notifications.statementStarting();
    }
  }

  /** A statement failed with {@code error}: what its pg_notify() calls queued is dropped; returns the error to report. */
  PlatformException statementFailed(PlatformException error) {
    return notifications == null ? error : notifications.statementFailed(error);
  }

  /** The session is between transactions: another session may take the write turn. */
  void idle() {
    writeTurns.transactionEnded();
  }

  /** A cancel request: a statement waiting for its write turn stops waiting. */
  void cancelWait() {
    writeTurns.cancelWait();
  }

  void close() {
    writeTurns.transactionEnded();
    if (notifications != null) {
      notifications.close();
    }
  }
}
