package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.protocol.BackendMessages;
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
  /** What the transaction features (write turns, savepoints, read-only transactions, LISTEN/NOTIFY) add around statements. */
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
  }

  private final BackendOutput output;
  private final EngineSession engine;
  private final SessionParameters parameters;
  private final SessionCommands commands;
  private final StatementExecution execution;
  private final TransactionState transactions;
  private final Portals portals;
  private final PreparedStatements statements;
  private final ClientQueryPreparer preparer;
  private final SessionGuard guard;
  private final Hooks hooks;

  StatementRunner(BackendOutput output, EngineSession engine, SessionParameters parameters, SessionCommands commands,
      StatementExecution execution, TransactionState transactions, Portals portals, PreparedStatements statements,
      ClientQueryPreparer preparer, SessionGuard guard, Hooks hooks) {
    this.hooks = requireNonNull(hooks, "hooks is null");
    this.output = requireNonNull(output, "output is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.parameters = requireNonNull(parameters, "parameters is null");
    this.commands = requireNonNull(commands, "commands is null");
    this.execution = requireNonNull(execution, "execution is null");
    this.transactions = requireNonNull(transactions, "transactions is null");
    this.portals = requireNonNull(portals, "portals is null");
    this.statements = requireNonNull(statements, "statements is null");
    this.preparer = requireNonNull(preparer, "preparer is null");
    this.guard = requireNonNull(guard, "guard is null");
  }

  /** Waits for the turn to write the table the statement writes, if it writes (see WriteTurns). */
  void takeWriteTurn(SqlStatement statement) {
    hooks.beforeRunning(statement);
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
    execution.begin(statement);
    hooks.beforeRunning(statement);
    try (StatementExecution.Run run = execution.run(statement, StatementExecution.Admission.ADMITTED)) {
      QueryResult result = query.execute(values);
      if (transactions.isOpen()) {
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
      ResultCursor cursor = new ResultCursor(rows.stream(), engine, RowDescriptions.columnTypes(columns), RowDescriptions.formatsOf(fields), parameters.format());
      if (portal != null) {
        // The portal owns the cursor from here and closes it when it completes or is closed.
        portal.start(cursor);
        writePortalRows(portal, maxRows);
        return;
      }
      try (cursor) {
        if (describeRows) {
          BackendMessages.rowDescription(output.buffer(), fields);
        }
        long count = cursor.writeRows(output, 0);
        completeStatement(statement, count, null);
      }
    }
  }

  void resumePortal(Portal portal, int maxRows) {
    try (StatementExecution.Run run = execution.run(portal.plan().statement(), StatementExecution.Admission.ADMITTED)) {
      writePortalRows(portal, maxRows);
    }
  }

  private void writePortalRows(Portal portal, int maxRows) {
    ResultCursor cursor = portal.cursor();
    long written = cursor.writeRows(output, maxRows);
    portal.rowsSent(written);
    if (maxRows > 0 && written == maxRows) {
      BackendMessages.portalSuspended(output.buffer());
      return;
    }
    completeStatement(portal.plan().statement(), written, portal);
  }

  private void completeStatement(SqlStatement statement, long rows, Portal portal) {
    BackendMessages.commandComplete(output.buffer(), CommandTags.forStatement(statement, rows));
    // The tag counts this Execute's rows, as PostgreSQL's does; audit and metrics count them all.
    execution.completed(statement, portal != null && portal.totalRowsSent() > rows ? portal.totalRowsSent() : rows);
    if (portal != null) {
      portal.complete();
    }
  }

  void runCommand(SqlStatement statement, SessionCommand command, boolean describeRows) {
    if (command instanceof SessionCommand.TransactionControl control) {
      String tag = transactions.control(control,
          (state, message) -> ErrorReporter.notice(output.buffer(), "WARNING", state, message));
      BackendMessages.commandComplete(output.buffer(), tag);
    } else if (command instanceof SessionCommand.DeclareCursor declare) {
      declareCursor(declare, List.of(), List.of());
    } else if (command instanceof SessionCommand.FetchCursor fetch) {
      fetchCursor(statement, fetch, describeRows);
    } else if (command instanceof SessionCommand.CloseCursor close) {
      if (close.name() == null) {
        portals.closeAll();
      } else {
        portals.require(close.name());
        portals.close(close.name());
      }
      BackendMessages.commandComplete(output.buffer(), "CLOSE CURSOR");
    } else if (command instanceof SessionCommand.Discard discard) {
      // DISCARD PLANS, SEQUENCES and TEMP have nothing to drop: plans are DuckDB's, there are no
      // sequences, and the session's TEMP objects are the gateway's own catalog.
      if (discard.what().equals("ALL")) {
        if (transactions.status() != TransactionStatus.IDLE) {
          throw new PlatformException(SqlState.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
        }
        portals.closeAll();
        statements.closeAll();
        commands.resetAll();
      }
      BackendMessages.commandComplete(output.buffer(), "DISCARD " + discard.what());
    } else if (command instanceof SessionCommand.Deallocate deallocate) {
      if (deallocate.name() == null) {
        statements.closeAll();
        BackendMessages.commandComplete(output.buffer(), "DEALLOCATE ALL");
      } else {
        statements.deallocate(deallocate.name());
        BackendMessages.commandComplete(output.buffer(), "DEALLOCATE");
      }
    } else if (command instanceof SessionCommand.Explain) {
      // EXPLAIN ANALYZE runs the statement: under the same timeout, admission and cancel as any other.
      try (StatementExecution.Run run = execution.run(statement, StatementExecution.Admission.ADMITTED)) {
        commands.run(statement, command, describeRows);
      }
      hooks.commandRan();
      execution.completed(statement, 0);
    } else if (command instanceof SessionCommand.NotifyCall call) {
      hooks.notifyChannel(call.channel(), call.payload());
      commands.run(statement, command, describeRows);
    } else if (!hooks.runTransactionCommand(command)) {
      commands.run(statement, command, describeRows);
      hooks.commandRan();
    }
  }

  /**
   * DECLARE: the query runs now and its rows wait in a named portal for FETCH. Like any open portal
   * it is read into memory (by the engine) when another statement needs the DuckDB connection.
   */
  void declareCursor(SessionCommand.DeclareCursor declare, List<Object> values, List<Integer> declaredTypes) {
    if (!declare.hold() && !transactions.isOpen()) {
      throw new PlatformException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
    }
    if (portals.contains(declare.name())) {
      throw new PlatformException(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
    }
    guard.check(declare.query());
    PreparedQuery query = preparer.prepare(declare.query(), declaredTypes, transactions.isOpen());
    try {
      List<ResultColumn> columns = postgresNames(declare.query().sql(), query.columns());
      short[] formats = new short[columns.size()];
      java.util.Arrays.fill(formats, (short) (declare.binary() ? 1 : 0));
      List<FieldDescription> fields = RowDescriptions.describe(columns, formats);
      QueryResult result;
      try (StatementExecution.Run run = execution.run(declare.query(), StatementExecution.Admission.ADMITTED)) {
        result = query.execute(values);
      }
      if (!(result instanceof QueryResult.Rows rows)) {
        throw new PlatformException(SqlState.INVALID_CURSOR_DEFINITION, "a cursor must be declared for a query that returns rows");
      }
      Portal cursor = new Portal(declare.name(), new PreparedPlan.DuckDb(declare.query(), query, declaredTypes, columns), values, fields, columns);
      cursor.declared(declare.hold());
      cursor.start(new ResultCursor(rows.stream(), engine, RowDescriptions.columnTypes(columns), RowDescriptions.formatsOf(fields), parameters.format()));
      portals.put(cursor);
      BackendMessages.commandComplete(output.buffer(), "DECLARE CURSOR");
    } catch (RuntimeException e) {
      query.close();
      throw e;
    }
  }

  /** FETCH writes the next rows of a cursor (with RowDescription in a simple query); MOVE skips them. */
  private void fetchCursor(SqlStatement statement, SessionCommand.FetchCursor fetch, boolean describeRows) {
    Portal cursor = portals.find(fetch.name());
    if (cursor == null) {
      throw new PlatformException(SqlState.INVALID_CURSOR_NAME, "cursor \"" + fetch.name() + "\" does not exist");
    }
    if (cursor.fields() == null) {
      throw new PlatformException(SqlState.INVALID_CURSOR_STATE, "portal \"" + fetch.name() + "\" does not return rows");
    }
    if (!fetch.move() && describeRows) {
      BackendMessages.rowDescription(output.buffer(), cursor.fields());
    }
    long count = 0;
    if (cursor.cursor() != null) {
      try (StatementExecution.Run run = execution.run(statement, StatementExecution.Admission.ADMITTED)) {
        count = fetch.move() ? cursor.cursor().skipRows(fetch.count()) : cursor.cursor().writeRows(output, fetch.count());
      }
      cursor.rowsSent(count);
    }
    BackendMessages.commandComplete(output.buffer(), (fetch.move() ? "MOVE " : "FETCH ") + count);
    execution.completed(statement, count);
  }

  /** Named from the client's own SQL, before the gateway's rewrites (which replace some calls by literals). */
  List<ResultColumn> postgresNames(String sql, List<ResultColumn> columns) {
    return io.analytics.gateway.naming.PostgresColumnNames.apply(sql, columns, engine::parseTree);
  }
}
