package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import io.analytics.gateway.protocol.FrontendMessage;
import io.analytics.gateway.sql.CommandTags;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.StatementSplitter;
import io.analytics.gateway.types.ParameterDecoder;
import io.analytics.gateway.types.PgTypes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The extended query protocol: Parse makes a {@link PreparedPlan}, Bind a {@link Portal}, Describe
 * answers their shapes, Execute runs a portal (through the {@link StatementRunner}) and Close drops
 * either. Sync, which ends the implicit transaction, is the session's.
 */
final class ExtendedQueryHandler {
  /** Parameters whose type neither the client nor DuckDB could tell are described as text. */
  private static final int TEXT_OID = 25;

  private final SessionContext context;
  private final StatementRunner runner;
  private final ResultShapes shapes;
  private final Runnable lakeRefresh;
  private final PortalResultCache resultCache;

  ExtendedQueryHandler(SessionContext context, StatementRunner runner, ResultShapes shapes, Runnable lakeRefresh,
      PortalResultCache resultCache) {
    this.resultCache = requireNonNull(resultCache, "resultCache is null");
    this.context = requireNonNull(context, "context is null");
    this.runner = requireNonNull(runner, "runner is null");
    this.shapes = requireNonNull(shapes, "shapes is null");
    this.lakeRefresh = requireNonNull(lakeRefresh, "lakeRefresh is null");
  }

  /** Handles Parse, Bind, Describe, Execute or Close (Sync and Flush are the session's). */
  void handle(FrontendMessage message) {
    if (message instanceof FrontendMessage.Parse parse) {
      parse(parse);
    } else if (message instanceof FrontendMessage.Bind bind) {
      bind(bind);
    } else if (message instanceof FrontendMessage.Describe describe) {
      describe(describe);
    } else if (message instanceof FrontendMessage.Execute execute) {
      execute(execute);
    } else if (message instanceof FrontendMessage.Close close) {
      closeObject(close);
    } else if (message instanceof FrontendMessage.FunctionCall) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "the fast-path function call interface is not supported");
    } else {
      throw new PlatformException(SqlState.PROTOCOL_VIOLATION, "unexpected message " + message.getClass().getSimpleName());
    }
  }

  private void parse(FrontendMessage.Parse parse) {
    lakeRefresh.run();
    String name = parse.statementName();
    if (!name.isEmpty() && context.statements().contains(name)) {
      throw new PlatformException(SqlState.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
    }
    List<SqlStatement> split = context.guard().split(parse.sql());
    if (split.size() > 1) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
    }
    PreparedPlan plan;
    if (split.isEmpty()) {
      plan = new PreparedPlan.Empty(SqlStatement.parse(""), parse.parameterTypes());
    } else {
      SqlStatement statement = split.get(0);
      context.transactions().checkNotAborted(statement);
      statement = context.statements().resolve(statement);
      Optional<SessionCommand> command = SessionCommandParser.parse(statement);
      if (command.isPresent()) {
        if (command.get() instanceof SessionCommand.Copy) {
          throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY is supported through the simple query protocol only");
        }
        context.guard().checkCommand(command.get());
        if (command.get() instanceof SessionCommand.DeclareCursor declare) {
          context.guard().check(declare.query());
          plan = new PreparedPlan.DeclareCursor(statement, declare, context.preparer().prepare(declare.query(), parse.parameterTypes(), context.transactions().isOpen()), parse.parameterTypes());
        } else {
          plan = new PreparedPlan.Command(statement, command.get(), parse.parameterTypes());
        }
      } else {
        runner.checkParsed(statement);
        try {
          PreparedQuery query = context.preparer().prepare(statement, parse.parameterTypes(), context.transactions().isOpen());
          List<ResultColumn> columns = runner.postgresNames(statement.sql(), shapes.beforeBind(statement, query, parse.parameterTypes()));
          plan = new PreparedPlan.DuckDb(statement, query, parse.parameterTypes(), columns);
        } catch (PlatformException e) {
          context.transactions().markFailed();
          throw e;
        }
      }
    }
    context.statements().put(name, plan);
    context.receiver().parseComplete();
  }

  private void bind(FrontendMessage.Bind bind) {
    PreparedPlan plan = context.statements().require(bind.statementName());
    String portalName = bind.portalName();
    if (!portalName.isEmpty() && context.portals().contains(portalName)) {
      throw new PlatformException(SqlState.DUPLICATE_CURSOR, "portal \"" + portalName + "\" already exists");
    }
    if (!(plan instanceof PreparedPlan.Command command && TransactionState.isExit(command.command()))) {
      context.transactions().checkNotAborted(plan.statement());
    }
    List<Object> values = decodeParameters(plan, bind);
    List<FieldDescription> fields = null;
    List<ResultColumn> resultColumns = List.of();
    if (plan instanceof PreparedPlan.DuckDb duckDb) {
      // A statement parsed once and bound many times (a named one) sees every commit made since its
      // Parse: the lake check costs a read of shared memory when nothing changed.
      lakeRefresh.run();
      // The write turn Parse did not wait for, before the shape probe below starts DuckDB's snapshot.
      runner.takeWriteTurn(duckDb.statement());
      resultColumns = shapes.atBind(duckDb, values);
      if (resultColumns != duckDb.columns()) {
        // Learned only now from the bound values; the plan's own columns were named at Parse, once.
        resultColumns = runner.postgresNames(duckDb.statement().sql(), resultColumns);
      }
    }
    if (!resultColumns.isEmpty()) {
      int columns = resultColumns.size();
      if (bind.resultFormats().size() > 1 && bind.resultFormats().size() != columns) {
        throw new PlatformException(
            SqlState.PROTOCOL_VIOLATION,
            "bind message has " + bind.resultFormats().size() + " result formats but query has " + columns + " columns");
      }
      short[] formats = new short[columns];
      for (int i = 0; i < columns; i++) {
        formats[i] = bind.resultFormat(i);
      }
      fields = plan instanceof PreparedPlan.DuckDb duckDbPlan
          ? runner.describe(duckDbPlan.query(), resultColumns, formats) : RowDescriptions.describe(resultColumns, formats);
    } else if (plan instanceof PreparedPlan.Command command) {
      fields = describeCommand(command.command());
    }
    context.portals().put(new Portal(portalName, plan, values, fields, resultColumns));
    context.receiver().bindComplete();
  }

  private List<Object> decodeParameters(PreparedPlan plan, FrontendMessage.Bind bind) {
    List<String> duckDbTypes = plan.parameterDuckDbTypes();
    int expected = duckDbTypes.size();
    if (bind.parameterValues().size() != expected) {
      throw new PlatformException(
          SqlState.PROTOCOL_VIOLATION,
          "bind message supplies " + bind.parameterValues().size() + " parameters, but prepared statement \""
              + bind.statementName() + "\" requires " + expected);
    }
    List<Object> values = new ArrayList<>(expected);
    for (int i = 0; i < expected; i++) {
      byte[] raw = bind.parameterValues().get(i);
      if (raw == null) {
        values.add(null);
        continue;
      }
      int declared = i < plan.declaredTypes().size() ? plan.declaredTypes().get(i) : 0;
      Object value = ParameterDecoder.decode(declared, duckDbTypes.get(i), bind.parameterFormat(i) == 1, raw, context.parameters().format());
      io.analytics.gateway.dialect.UnconstrainedNumericValues.checkParameter(value, duckDbTypes.get(i));
      values.add(value);
    }
    return values;
  }

  private void describe(FrontendMessage.Describe describe) {
    if (describe.kind() == 'S') {
      PreparedPlan plan = context.statements().require(describe.name());
      context.receiver().parameterDescription(parameterTypeOids(plan));
      List<FieldDescription> fields = null;
      if (plan instanceof PreparedPlan.DuckDb duckDb && !duckDb.columns().isEmpty()) {
        fields = runner.describe(duckDb.query(), duckDb.columns(), new short[0]);
      } else if (plan instanceof PreparedPlan.Command command) {
        fields = describeCommand(command.command());
      }
      writeRowDescriptionOrNoData(fields);
    } else {
      writeRowDescriptionOrNoData(context.portals().require(describe.name()).fields());
    }
  }

  /** The rows a command returns: a FETCH returns its cursor's, known once the cursor is declared. */
  private List<FieldDescription> describeCommand(SessionCommand command) {
    if (command instanceof SessionCommand.FetchCursor fetch) {
      Portal cursor = context.portals().find(fetch.name());
      return fetch.move() || cursor == null ? null : cursor.fields();
    }
    return context.commands().describe(command);
  }

  private List<Integer> parameterTypeOids(PreparedPlan plan) {
    List<Integer> oids = new ArrayList<>();
    List<String> duckDbTypes = plan.parameterDuckDbTypes();
    int count = Math.max(duckDbTypes.size(), plan.declaredTypes().size());
    for (int i = 0; i < count; i++) {
      int declared = i < plan.declaredTypes().size() ? plan.declaredTypes().get(i) : 0;
      if (declared != 0 || i >= duckDbTypes.size()) {
        oids.add(declared == 0 ? TEXT_OID : declared);
      } else {
        oids.add(PgTypes.forDuckDbType(duckDbTypes.get(i)).type().oid());
      }
    }
    return oids;
  }

  private void writeRowDescriptionOrNoData(List<FieldDescription> fields) {
    if (fields == null) {
      context.receiver().noData();
    } else {
      context.receiver().rowDescription(fields);
    }
  }

  private void execute(FrontendMessage.Execute execute) {
    Portal portal = context.portals().require(execute.portalName());
    PreparedPlan plan = portal.plan();
    try {
      if (plan instanceof PreparedPlan.Empty) {
        context.receiver().emptyQuery();
      } else if (plan instanceof PreparedPlan.Command command) {
        if (!TransactionState.isExit(command.command())) {
          context.transactions().checkNotAborted(plan.statement());
        }
        if (portal.isCompleted()) {
          context.receiver().commandComplete(CommandTags.forStatement(plan.statement(), 0));
        } else {
          runner.runCommand(plan.statement(), command.command(), false);
          portal.complete();
        }
      } else if (plan instanceof PreparedPlan.DeclareCursor declare) {
        context.transactions().checkNotAborted(plan.statement());
        if (portal.isCompleted()) {
          context.receiver().commandComplete("DECLARE CURSOR");
        } else {
          runner.declareCursor(declare.declare(), portal.parameters(), declare.declaredTypes());
          portal.complete();
        }
      } else if (plan instanceof PreparedPlan.DuckDb duckDb) {
        context.transactions().checkNotAborted(plan.statement());
        if (portal.isCompleted()) {
          context.receiver().commandComplete(CommandTags.forStatement(plan.statement(), 0));
        } else if (portal.cursor() == null) {
          io.analytics.gateway.cache.CachedStatement cached = resultCache.lookup(portal, execute.maxRows());
          if (resultCache.answer(cached, portal)) {
            return;
          }
          if (AutocommitReads.needsImplicitTransaction(plan.statement())) {
            context.transactions().beginImplicit(plan.statement());
          }
          context.receiver().startCapture(cached);
          runner.runQuery(plan.statement(), duckDb.query(), portal.parameters(), portal.columns(), portal.fields(), false, execute.maxRows(), portal);
          context.receiver().finishCapture(cached);
        } else {
          runner.resumePortal(portal, execute.maxRows());
        }
      }
    } catch (PlatformException e) {
      portal.complete();
      context.transactions().markFailed();
      throw e;
    }
  }

  private void closeObject(FrontendMessage.Close close) {
    if (close.kind() == 'S') {
      PreparedPlan plan = context.statements().remove(close.name());
      if (plan != null) {
        context.portals().closeAllOf(plan);
        plan.close();
      }
    } else {
      context.portals().close(close.name());
    }
    context.receiver().closeComplete();
  }
}
