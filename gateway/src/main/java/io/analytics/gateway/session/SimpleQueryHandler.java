package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.protocol.BackendMessages;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import io.analytics.gateway.protocol.FrontendMessage;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.StatementSplitter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The simple query protocol: a Query message's statements run in order, in one implicit
 * transaction when there are several, until one fails or a COPY FROM STDIN waits for the client's
 * data (the statements after it run once the COPY is done).
 */
final class SimpleQueryHandler {
  /** How the handler ends a query: ReadyForQuery, or an ErrorResponse (the session knows how). */
  interface Replies {
    void readyForQuery();

    void error(RuntimeException e);

    /** A COPY FROM STDIN loaded its rows: a savepoint cannot replay it. */
    void copiedIn();
  }

  private final BackendOutput output;
  private final StatementRunner runner;
  private final SessionGuard guard;
  private final TransactionState transactions;
  private final Portals portals;
  private final ClientQueryPreparer preparer;
  private final CopyHandler copy;
  private final SessionParameters parameters;
  private final Runnable lakeRefresh;
  private final Replies replies;
  private final io.analytics.gateway.cache.SessionResultCache resultCache;
  private final StatementExecution execution;
  /** Statements of a simple query still to run after a COPY FROM STDIN completes. */
  private Deque<SqlStatement> pendingStatements = new ArrayDeque<>();

  SimpleQueryHandler(BackendOutput output, StatementRunner runner, SessionGuard guard, TransactionState transactions,
      Portals portals, ClientQueryPreparer preparer, CopyHandler copy, SessionParameters parameters, Runnable lakeRefresh,
      Replies replies, io.analytics.gateway.cache.SessionResultCache resultCache, StatementExecution execution) {
    this.execution = requireNonNull(execution, "execution is null");
    this.resultCache = requireNonNull(resultCache, "resultCache is null");
    this.output = requireNonNull(output, "output is null");
    this.runner = requireNonNull(runner, "runner is null");
    this.guard = requireNonNull(guard, "guard is null");
    this.transactions = requireNonNull(transactions, "transactions is null");
    this.portals = requireNonNull(portals, "portals is null");
    this.preparer = requireNonNull(preparer, "preparer is null");
    this.copy = requireNonNull(copy, "copy is null");
    this.parameters = requireNonNull(parameters, "parameters is null");
    this.lakeRefresh = requireNonNull(lakeRefresh, "lakeRefresh is null");
    this.replies = requireNonNull(replies, "replies is null");
  }

  /** Whether a COPY FROM STDIN is receiving the client's data. */
  boolean isReceivingCopy() {
    return copy.isReceiving();
  }

  /** Runs a Query message's statements in order, until done or a COPY FROM STDIN starts. */
  void query(String sql) {
    lakeRefresh.run();
    portals.close("");
    List<SqlStatement> split = guard.split(sql);
    if (split.isEmpty()) {
      BackendMessages.emptyQueryResponse(output.buffer());
      replies.readyForQuery();
      return;
    }
    pendingStatements = new ArrayDeque<>(split);
    if (split.size() > 1 && split.stream().noneMatch(TransactionState::controlsTransactions)) {
      // PostgreSQL runs a multi-statement string as one transaction unless it manages its own.
      transactions.beginImplicit(split.get(0));
    }
    continueSimpleQuery();
  }

  /** Runs the pending statements of the current simple query until done or a COPY IN starts. */
  private void continueSimpleQuery() {
    try {
      while (!pendingStatements.isEmpty()) {
        SqlStatement statement = pendingStatements.poll();
        runSimpleStatement(statement);
        if (copy.isReceiving()) {
          return;
        }
      }
      transactions.commitImplicit();
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException e) {
      pendingStatements.clear();
      transactions.abortImplicit();
      throw e;
    }
    replies.readyForQuery();
  }

  private void runSimpleStatement(SqlStatement statement) {
    transactions.checkNotAborted(statement);
    try {
      Optional<SessionCommand> command = SessionCommandParser.parse(statement);
      if (command.isPresent()) {
        if (command.get() instanceof SessionCommand.Copy copyCommand) {
          guard.check(statement, CopyStatements.equivalent(copyCommand, statement));
          copy.start(statement, CopyStatements.inPostgresDialect(copyCommand), parameters.format());
          return;
        }
        guard.checkCommand(command.get());
        runner.runCommand(statement, command.get(), true);
        return;
      }
      guard.check(statement);
      io.analytics.gateway.cache.CachedStatement cached =
          resultCache.statement(statement.sql(), transactions.status() != TransactionStatus.IDLE, parameters::all);
      long cachedRows = cached.answer(output.buffer());
      if (cachedRows >= 0) {
        execution.completed(statement, cachedRows);
        return;
      }
      try (PreparedQuery query = preparer.prepare(statement, transactions.isOpen())) {
        List<ResultColumn> columns = runner.postgresNames(statement.sql(), query.columns());
        List<FieldDescription> fields = RowDescriptions.describe(columns, new short[0]);
        cached.startCapture(output::buffer, output::flushes);
        runner.runQuery(statement, query, List.of(), columns, fields, true, 0, null);
        cached.finishCapture(output::buffer, output::flushes);
      }
    } catch (PlatformException e) {
      transactions.markFailed();
      throw shifted(e, statement);
    } catch (RuntimeException e) {
      transactions.markFailed();
      throw e;
    }
  }

  private static PlatformException shifted(PlatformException e, SqlStatement statement) {
    if (e.position() <= 0 || statement.offsetInQuery() == 0) {
      return e;
    }
    return new PlatformException(e.sqlState(), e.getMessage(), e.detail(), e.hint(), e.position() + statement.offsetInQuery(), e);
  }

  /** A message while COPY FROM STDIN receives data; returns false when the client asked to terminate. */
  boolean handleDuringCopyIn(FrontendMessage message) {
    try {
      if (message instanceof FrontendMessage.CopyData data) {
        copy.receive(data.data());
      } else if (message instanceof FrontendMessage.CopyDone) {
        long rows = copy.finish();
        replies.copiedIn();
        BackendMessages.commandComplete(output.buffer(), "COPY " + rows);
        continueSimpleQuery();
      } else if (message instanceof FrontendMessage.CopyFail fail) {
        copy.abort();
        throw new PlatformException(SqlState.QUERY_CANCELED, "COPY from stdin failed: " + fail.reason());
      } else if (message instanceof FrontendMessage.Flush || message instanceof FrontendMessage.Sync) {
        // Allowed during COPY IN and ignored, as in PostgreSQL.
      } else if (message instanceof FrontendMessage.Terminate) {
        copy.abort();
        return false;
      } else {
        copy.abort();
        throw new PlatformException(
            SqlState.PROTOCOL_VIOLATION,
            "unexpected message type during COPY from stdin: " + message.getClass().getSimpleName());
      }
    } catch (ClientGoneException e) {
      return false;
    } catch (RuntimeException e) {
      if (copy.isReceiving()) {
        copy.abort();
      }
      transactions.markFailed();
      pendingStatements.clear();
      transactions.abortImplicit();
      replies.error(e);
      replies.readyForQuery();
    }
    return true;
  }
}
