package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import io.analytics.gateway.sql.CommandTags;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;

/**
 * Runs statements whose checks have passed and writes their answers: DuckDB queries (all rows, or
 * a portal's rows up to a limit), the commands the gateway answers itself, and SQL cursors
 * (DECLARE, FETCH/MOVE, CLOSE). Every DuckDB step runs inside a {@link StatementExecution} run.
 */
final class StatementRunner {
  /** What the transaction features (write turns, savepoints, read-only transactions, LISTEN/NOTIFY) add around context.statements(). */
  interface Hooks {
    /** Before a statement runs in DuckDB: waits for the write turn a writing statement needs. */
    void beforeRunning(SqlStatement statement);

    /** A statement ran inside a transaction: remembered for a savepoint's replay. */
    void executed(SqlStatement statement, PreparedQuery query, List<Object> values, QueryResult result);

    /** Runs SAVEPOINT, LISTEN/NOTIFY or SET TRANSACTION, writing its answer; false for any other command. */
    boolean runTransactionCommand(SessionCommand command);

    /** NOTIFY channel, payload: sent at the transaction's commit, or now outside one. */
    void notifyChannel(String channel, String payload);

    /** A command the gateway answers itself ran (it may have changed transaction_read_only). */
    void commandRan();

    /** Whether a Parse is being checked (then a writing statement does not wait for its write turn). */
    void parsing(boolean parsing);
  }

  private final SessionContext context;
  private final Hooks hooks;
  private final io.analytics.gateway.columns.ColumnOrigins origins;

  StatementRunner(SessionContext context, Hooks hooks) {
    this.context = requireNonNull(context, "context is null");
    this.hooks = requireNonNull(hooks, "hooks is null");
    this.origins = new io.analytics.gateway.columns.ColumnOrigins(context.engine());
  }

  /** RowDescription of a DuckDB query's columns, with the table and column each comes from (read from the text DuckDB runs). */
  List<FieldDescription> describe(PreparedQuery query, List<ResultColumn> columns, short[] formats) {
    return RowDescriptions.describe(columns, origins.of(query.sql(), columns.size()), formats);
  }

  /** Waits for the turn to write the table the statement writes, if it writes (see WriteTurns). */
  void takeWriteTurn(SqlStatement statement) {
    hooks.beforeRunning(statement);
  }

  /** Checks a statement being parsed (see Hooks.parsing). */
  void checkParsed(SqlStatement statement) {
    hooks.parsing(true);
    try {
      context.guard().check(statement);
    } finally {
      hooks.parsing(false);
    }
  }

  /**
   * Executes a DuckDB statement and writes its results: for a simple query with RowDescription and
   * all rows; for a portal, at most {@code maxRows} rows, suspending if it stops early.
   */
  void runQuery(
      SqlStatement statement,
      PreparedQuery query,
      List<Object> values,
      List<ResultColumn> columns,
      List<FieldDescription> fields,
      boolean describeRows,
      int maxRows,
      Portal portal) {
    context.execution().begin(statement);
    hooks.beforeRunning(statement);
    try (StatementExecution.Run run = context.execution().run(statement, StatementExecution.Admission.ADMITTED)) {
      QueryResult result = query.execute(values);
      if (context.transactions().isOpen()) {
        hooks.executed(statement, query, values, result);
      }
      if (result instanceof QueryResult.ChangedRows changed) {
        completeStatement(statement, changed.count(), portal);
        return;
      }
      if (result instanceof QueryResult.Nothing) {
        completeStatement(statement, 0, portal);
        return;
      }
      QueryResult.Rows rows = (QueryResult.Rows) result;
      ResultCursor cursor = new ResultCursor(rows.stream(), context.engine(), RowDescriptions.columnTypes(columns, fields), RowDescriptions.formatsOf(fields), context.parameters().format());
      if (portal != null) {
        // The portal owns the cursor from here and closes it when it completes or is closed.
        portal.start(cursor);
        writePortalRows(portal, maxRows);
        return;
      }
      try (cursor) {
        if (describeRows) {
          context.receiver().rowDescription(fields);
        }
        long count = context.receiver().rows(cursor, 0);
        completeStatement(statement, count, null);
      }
    }
  }

  void resumePortal(Portal portal, int maxRows) {
    try (StatementExecution.Run run = context.execution().run(portal.plan().statement(), StatementExecution.Admission.ADMITTED)) {
      writePortalRows(portal, maxRows);
    }
  }

  private void writePortalRows(Portal portal, int maxRows) {
    ResultCursor cursor = portal.cursor();
    long written = context.receiver().rows(cursor, maxRows);
    portal.rowsSent(written);
    if (maxRows > 0 && written == maxRows) {
      context.receiver().portalSuspended();
      return;
    }
    completeStatement(portal.plan().statement(), written, portal);
  }

  private void completeStatement(SqlStatement statement, long rows, Portal portal) {
    if (statement.keyword().equals("PREPARE")) {
      context.statements().prepared(statement);
    }
    context.receiver().commandComplete(CommandTags.forStatement(statement, rows));
    // The tag counts this Execute's rows, as PostgreSQL's does; audit and metrics count them all.
    context.execution().completed(statement, portal != null && portal.totalRowsSent() > rows ? portal.totalRowsSent() : rows);
    if (portal != null) {
      portal.complete();
    }
  }

  void runCommand(SqlStatement statement, SessionCommand command, boolean describeRows) {
    if (command instanceof SessionCommand.TransactionControl control) {
      String tag = context.transactions().control(control,
          (state, message) -> context.receiver().warning(state, message));
      context.receiver().commandComplete(tag);
    } else if (command instanceof SessionCommand.DeclareCursor declare) {
      declareCursor(declare, List.of(), List.of());
    } else if (command instanceof SessionCommand.FetchCursor fetch) {
      fetchCursor(statement, fetch, describeRows);
    } else if (command instanceof SessionCommand.CloseCursor close) {
      if (close.name() == null) {
        context.portals().closeAll();
      } else {
        context.portals().require(close.name());
        context.portals().close(close.name());
      }
      context.receiver().commandComplete("CLOSE CURSOR");
    } else if (command instanceof SessionCommand.Discard discard) {
      // DISCARD PLANS, SEQUENCES and TEMP have nothing to drop: plans are DuckDB's, there are no
      // sequences, and the session's TEMP objects are the gateway's own catalog.
      if (discard.what().equals("ALL")) {
        if (context.transactions().status() != TransactionStatus.IDLE) {
          throw new PlatformException(SqlState.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
        }
        context.portals().closeAll();
        context.statements().closeAll();
        context.commands().resetAll();
      }
      context.receiver().commandComplete("DISCARD " + discard.what());
    } else if (command instanceof SessionCommand.Deallocate deallocate) {
      if (deallocate.name() == null) {
        context.statements().closeAll();
        context.receiver().commandComplete("DEALLOCATE ALL");
      } else {
        context.statements().deallocate(deallocate.name());
        context.receiver().commandComplete("DEALLOCATE");
      }
    } else if (command instanceof SessionCommand.Explain) {
      // EXPLAIN ANALYZE runs the statement: under the same timeout, admission and cancel as any other.
      try (StatementExecution.Run run = context.execution().run(statement, StatementExecution.Admission.ADMITTED)) {
        context.commands().run(statement, command, describeRows);
      }
      hooks.commandRan();
      context.execution().completed(statement, 0);
    } else if (command instanceof SessionCommand.NotifyCall call) {
      hooks.notifyChannel(call.channel(), call.payload());
      context.commands().run(statement, command, describeRows);
    } else if (!hooks.runTransactionCommand(command)) {
      context.commands().run(statement, command, describeRows);
      hooks.commandRan();
    }
  }

  /**
   * DECLARE: the query runs now and its rows wait in a named portal for FETCH. Like any open portal
   * it is read into memory (by the engine) when another statement needs the DuckDB connection.
   */
  void declareCursor(SessionCommand.DeclareCursor declare, List<Object> values, List<Integer> declaredTypes) {
    if (!declare.hold() && !context.transactions().isOpen()) {
      throw new PlatformException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
    }
    if (context.portals().contains(declare.name())) {
      throw new PlatformException(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
    }
    context.guard().check(declare.query());
    PreparedQuery query = context.preparer().prepare(declare.query(), declaredTypes, context.transactions().isOpen());
    try {
      List<ResultColumn> columns = postgresNames(declare.query().sql(), query.columns());
      short[] formats = new short[columns.size()];
      java.util.Arrays.fill(formats, (short) (declare.binary() ? 1 : 0));
      List<FieldDescription> fields = describe(query, columns, formats);
      QueryResult result;
      try (StatementExecution.Run run = context.execution().run(declare.query(), StatementExecution.Admission.ADMITTED)) {
        result = query.execute(values);
      }
      if (!(result instanceof QueryResult.Rows rows)) {
        throw new PlatformException(SqlState.INVALID_CURSOR_DEFINITION, "a cursor must be declared for a query that returns rows");
      }
      Portal cursor = new Portal(declare.name(), new PreparedPlan.DuckDb(declare.query(), query, declaredTypes, columns), values, fields, columns);
      cursor.declared(declare.hold());
      ResultCursor streamed = new ResultCursor(rows.stream(), context.engine(), RowDescriptions.columnTypes(columns, fields), RowDescriptions.formatsOf(fields), context.parameters().format());
      if (declare.scroll()) {
        // A SCROLL cursor moves back over rows DuckDB has streamed past: they are held, within the query memory limit.
        try (streamed; StatementExecution.Run run = context.execution().run(declare.query(), StatementExecution.Admission.ADMITTED)) {
          cursor.startScrolling(new ScrollCursor(streamed.remainingRows(context.engine().queryMemoryBytes())));
        }
      } else {
        cursor.start(streamed);
      }
      context.portals().put(cursor);
      context.receiver().commandComplete("DECLARE CURSOR");
    } catch (RuntimeException e) {
      query.close();
      throw e;
    }
  }

  /** FETCH writes the next rows of a cursor (with RowDescription in a simple query); MOVE skips them. */
  private void fetchCursor(SqlStatement statement, SessionCommand.FetchCursor fetch, boolean describeRows) {
    Portal cursor = context.portals().find(fetch.name());
    if (cursor == null) {
      throw new PlatformException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + fetch.name() + "\" does not exist");
    }
    if (cursor.fields() == null) {
      throw new PlatformException(SqlState.INVALID_CURSOR_STATE, "portal \"" + fetch.name() + "\" does not return rows");
    }
    if (cursor.scrollCursor() == null && fetch.direction() != SessionCommand.FetchDirection.FORWARD) {
      throw new PlatformException(SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE, "cursor can only scan forward", null,
          "Declare it with SCROLL option to enable backward scan.", 0, null);
    }
    if (!fetch.move() && describeRows) {
      context.receiver().rowDescription(cursor.fields());
    }
    long count = 0;
    if (cursor.scrollCursor() != null) {
      count = cursor.scrollCursor().fetch(fetch.direction(), fetch.count(), fetch.move(), context.receiver()::dataRow);
    } else if (cursor.cursor() != null) {
      try (StatementExecution.Run run = context.execution().run(statement, StatementExecution.Admission.ADMITTED)) {
        count = fetch.move() ? cursor.cursor().skipRows(fetch.count()) : context.receiver().rows(cursor.cursor(), fetch.count());
      }
      cursor.rowsSent(count);
    }
    context.receiver().commandComplete((fetch.move() ? "MOVE " : "FETCH ") + count);
    context.execution().completed(statement, count);
  }

  /** Named from the client's own SQL, before the gateway's rewrites (which replace some calls by literals). */
  List<ResultColumn> postgresNames(String sql, List<ResultColumn> columns) {
    return io.analytics.gateway.naming.PostgresColumnNames.apply(sql, columns, context.engine()::parseTree);
  }
}
