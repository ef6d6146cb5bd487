package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.ResultColumn;
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

  private final SessionContext context;
  private final StatementRunner runner;
  private final CopyHandler copy;
  private final Runnable lakeRefresh;
  private final Replies replies;
  private final io.analytics.gateway.cache.SessionResultCache resultCache;
  /** Statements of a simple query still to run after a COPY FROM STDIN completes. */
  private Deque<SqlStatement> pendingStatements = new ArrayDeque<>();
  private final RepeatedQueries repeated = new RepeatedQueries();
  /** The Query's whole text while it is one statement (a verdict on it may be remembered), else null. */
  private String singleStatementText;

  SimpleQueryHandler(SessionContext context, StatementRunner runner, CopyHandler copy, Runnable lakeRefresh, Replies replies,
      io.analytics.gateway.cache.SessionResultCache resultCache) {
    this.context = requireNonNull(context, "context is null");
    this.runner = requireNonNull(runner, "runner is null");
    this.copy = requireNonNull(copy, "copy is null");
    this.lakeRefresh = requireNonNull(lakeRefresh, "lakeRefresh is null");
    this.replies = requireNonNull(replies, "replies is null");
    this.resultCache = requireNonNull(resultCache, "resultCache is null");
  }

  /** Whether a COPY FROM STDIN is receiving the client's data. */
  boolean isReceivingCopy() {
    return copy.isReceiving();
  }

  /** Runs a Query message's statements in order, until done or a COPY FROM STDIN starts. */
  void query(String sql) {
    lakeRefresh.run();
    context.portals().close("");
    List<SqlStatement> split = context.guard().split(sql);
    if (split.isEmpty()) {
      context.receiver().emptyQuery();
      replies.readyForQuery();
      return;
    }
    pendingStatements = new ArrayDeque<>(split);
    singleStatementText = split.size() == 1 ? sql : null;
    if (split.size() > 1 && split.stream().noneMatch(TransactionState::controlsTransactions)) {
      // PostgreSQL runs a multi-statement string as one transaction unless it manages its own.
      context.transactions().beginImplicit(split.get(0));
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
      context.transactions().commitImplicit();
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException e) {
      pendingStatements.clear();
      context.transactions().abortImplicit();
      throw e;
    }
    replies.readyForQuery();
  }

  private void runSimpleStatement(SqlStatement sent) {
    context.transactions().checkNotAborted(sent);
    SqlStatement statement = sent;
    try {
      statement = context.statements().resolve(sent);
      Optional<SessionCommand> command = SessionCommandParser.parse(statement);
      if (command.isPresent()) {
        if (command.get() instanceof SessionCommand.Copy copyCommand) {
          context.guard().check(statement, CopyStatements.equivalent(copyCommand, statement));
          copy.start(statement, CopyStatements.inPostgresDialect(copyCommand), context.parameters().format());
          return;
        }
        context.guard().checkCommand(command.get());
        runner.runCommand(statement, command.get(), true);
        return;
      }
      // What the guard's verdict depends on besides the text, as it is when the guard decides.
      java.util.Map<String, String> settings = context.parameters().all();
      long catalogVersion = context.engine().catalogVersion();
      context.guard().check(statement);
      io.analytics.gateway.cache.CachedStatement cached =
          resultCache.statement(statement.sql(), context.transactions().status() != TransactionStatus.IDLE, context.parameters()::all);
      long cachedRows = context.receiver().cachedAnswer(cached);
      if (cachedRows >= 0) {
        rememberVerdict(statement, cached, settings, catalogVersion);
        context.execution().completed(statement, cachedRows);
        return;
      }
      try (PreparedQuery query = context.preparer().prepare(statement, context.transactions().isOpen())) {
        List<ResultColumn> columns = runner.postgresNames(statement.sql(), query.columns());
        List<FieldDescription> fields = runner.describe(query, columns, new short[0]);
        context.receiver().startCapture(cached);
        runner.runQuery(statement, query, List.of(), columns, fields, true, 0, null);
        context.receiver().finishCapture(cached);
      }
      rememberVerdict(statement, cached, settings, catalogVersion);
    } catch (PlatformException e) {
      context.transactions().markFailed();
      throw shifted(e, statement);
    } catch (RuntimeException e) {
      context.transactions().markFailed();
      throw e;
    }
  }

  /** A statement that passed every check and may be answered from the cache: the next Query of the same text may be answered from memory. */
  private void rememberVerdict(SqlStatement statement, io.analytics.gateway.cache.CachedStatement cached,
      java.util.Map<String, String> settings, long catalogVersion) {
    if (singleStatementText != null && cached != io.analytics.gateway.cache.CachedStatement.NONE
        && context.transactions().status() == TransactionStatus.IDLE && !context.transactions().isOpen()) {
      repeated.remember(singleStatementText, statement, cached, settings, catalogVersion);
    }
  }

  /**
   * Answers a Query from the result cache without running anything, on the calling thread: only a
   * text whose every check the usual path passed with the same settings and catalog (see
   * {@link RepeatedQueries}), while the lake's views are current and its result is held; false,
   * having written nothing, otherwise. Audit, metrics and pg_stat_statements record it as any other.
   */
  boolean answerFromMemory(String sql) {
    RepeatedQueries.Verdict verdict = repeated.verdict(sql, context.parameters().all(), context.engine().catalogVersion());
    if (verdict == null || !verdict.cached().lakeCurrent() || context.portals().find("") != null) {
      return false;
    }
    context.execution().begin(verdict.statement());
    long rows = context.receiver().cachedAnswerIfHeld(verdict.cached());
    if (rows < 0) {
      return false;
    }
    context.execution().completed(verdict.statement(), rows);
    return true;
  }

  private static PlatformException shifted(PlatformException e, SqlStatement statement) {
    if (e.position() <= 0 || statement.offsetInQuery() == 0) {
      return e;
    }
    return new PlatformException(e.sqlState(), e.getMessage(), e.detail(), e.hint(), e.position() + statement.offsetInQuery(), e.subject(), e);
  }

  /** A message while COPY FROM STDIN receives data; returns false when the client asked to terminate. */
  boolean handleDuringCopyIn(FrontendMessage message) {
    try {
      if (message instanceof FrontendMessage.CopyData data) {
        copy.receive(data.data());
      } else if (message instanceof FrontendMessage.CopyDone) {
        long rows = copy.finish();
        replies.copiedIn();
        context.receiver().commandComplete("COPY " + rows);
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
      context.transactions().markFailed();
      pendingStatements.clear();
      context.transactions().abortImplicit();
      replies.error(e);
      replies.readyForQuery();
    }
    return true;
  }
}
