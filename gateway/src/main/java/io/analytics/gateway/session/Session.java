package io.analytics.gateway.session;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.security.Role;
import io.analytics.gateway.security.ReadOnlyGuard;
import io.analytics.gateway.security.StatementGuard;
import io.analytics.gateway.sql.StatementFingerprint;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.CancelReason;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.QueryResult;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.protocol.BackendMessages;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import io.analytics.gateway.protocol.FrontendMessage;
import io.analytics.gateway.sql.CommandTags;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.StatementSplitter;
import io.analytics.gateway.types.ParameterDecoder;
import io.analytics.gateway.types.PgTypes;
import org.apache.arrow.memory.BufferAllocator;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The READY phase of a connection: answers simple and extended queries, keeps prepared statements,
 * portals, the transaction status and session parameters, as PostgreSQL does.
 */
final class Session implements CancelTarget {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);

  /** Parameters whose type neither the client nor DuckDB could tell are described as text. */
  private static final int TEXT_OID = 25;

  private final GatewayServices services;
  private final BackendOutput output;
  private final String user;
  private final String database;
  private final InetAddress clientAddress;
  private final BufferAllocator allocator;
  private final EngineSession engine;
  private final SessionParameters parameters;
  private final SessionCommands commands;
  private final ResultShapes shapes;
  private final StatementGuard guard;
  private final SearchPathRouting searchPathRouting;
  private final ClientQueryPreparer preparer;
  private final java.time.Instant backendStart = java.time.Instant.now();
  private final StatementExecution execution;

  /** Counts messages, so that an idle timer can tell whether the client spoke since it was set. */
  private long messagesHandled;
  private ScheduledFuture<?> idleTimer;
  private final CopyHandler copy;
  private final Map<String, PreparedPlan> statements = new HashMap<>();
  private final Portals portals = new Portals();
  private final java.util.concurrent.Executor serial;
  private volatile boolean busy;
  private SessionRegistry.KeyData key;
  private final TransactionState transactions;
  private boolean skippingUntilSync;
  /** Statements of a simple query still to run after a COPY FROM STDIN completes. */
  private Deque<SqlStatement> pendingStatements;

  Session(
      GatewayServices services,
      BackendOutput output,
      java.util.concurrent.Executor serial,
      String user,
      String database,
      InetAddress clientAddress) {
    this.services = requireNonNull(services, "services is null");
    this.serial = requireNonNull(serial, "serial is null");
    this.output = requireNonNull(output, "output is null");
    this.user = requireNonNull(user, "user is null");
    this.database = requireNonNull(database, "database is null");
    this.clientAddress = requireNonNull(clientAddress, "clientAddress is null");
    Role role = Role.forLogin(services.config(), user);
    boolean goldTier = role == Role.APP && services.goldTier() != null;
    DuckDbDatabase instance = goldTier ? services.goldTier() : services.database();
    // Result batches of this session are counted here and held to the per-query memory limit after
    // each batch (see ResultStream); the allocator itself is not capped, as Arrow leaks when a capped
    // allocator refuses an import half-way.
    this.allocator = services.allocator().newChildAllocator("session", 0, Long.MAX_VALUE);
    this.engine = new EngineSession(instance.connect(), allocator, services.config().gateway().fetchBatchRows(),
        services.config().gateway().limits().queryMemoryBytes());
    this.parameters = new SessionParameters(user, true, services.replica());
    // The gold tier is a plain in-memory instance with just the gold views, on replicas too.
    this.searchPathRouting = goldTier ? SearchPathRouting.DIRECT : services.searchPathRouting();
    this.commands = new SessionCommands(this.parameters, this.engine, output,
        (pid, terminate) -> services.registry().signal(pid, user, role.administers(), terminate), searchPathRouting);
    this.shapes = new ResultShapes(this.engine);
    this.execution = new StatementExecution(engine, services.timers(), services.admission(),
        new StatementLog(services.audit(), services.metrics(), services.config().gateway().observability().slowQueryMillis(),
            user, clientAddress),
        parameters::statementTimeoutMillis);
    this.copy = new CopyHandler(engine, output, services.copyTempDir(), execution);
    this.transactions = new TransactionState(engine, new TransactionState.Listener() {
      @Override
      public void ending() {
        portals.closeTransactionPortals();
      }

      @Override
      public void ended(boolean committed) {
        preparer.transactionEnded(committed);
      }
    });
    this.preparer = new ClientQueryPreparer(engine, services.config(), services.home(),
        new SessionValueCalls.Values(parameters, database, user), database, this::visibleActivities, portals::declaredCursors);
    this.guard = new StatementGuard(
        role,
        services.home().dataDir(),
        new SessionCatalogLookup(engine),
        this::firstSchemaOnSearchPath);
  }

  private String firstSchemaOnSearchPath() {
    String path = parameters.get("search_path");
    for (String part : path.split(",")) {
      String schema = part.strip().replace("\"", "");
      if (!schema.isEmpty() && !schema.equals("$user")) {
        return schema.equals("public") ? "main" : schema;
      }
    }
    return "main";
  }

  /**
   * The checks for commands the gateway answers itself: EXPLAIN is checked like the statement it
   * explains, and role app, which reads only the gold layer, may not put anything else on its search path.
   */
  private void guardCommand(SessionCommand command) {
    if (command instanceof SessionCommand.Explain explain) {
      guard(SqlStatement.parse(explain.sql()));
      return;
    }
    SessionCommand.SetParameter set = command instanceof SessionCommand.SetConfig setConfig
        ? new SessionCommand.SetParameter(setConfig.name(), setConfig.value())
        : command instanceof SessionCommand.SetParameter setParameter ? setParameter : null;
    if (guard.role() != Role.APP || set == null || !set.name().equalsIgnoreCase("search_path") || set.value() == null) {
      return;
    }
    for (String part : set.value().split(",")) {
      String schema = part.strip().replace("\"", "").replace("'", "").toLowerCase(java.util.Locale.ROOT);
      if (!schema.isEmpty() && !schema.equals("gold") && !schema.equals("pg_catalog") && !schema.equals("information_schema")) {
        LOG.warn("refused for {}@{} (role app): search_path {}", user, clientAddress.getHostAddress(), set.value());
        throw new PlatformException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema " + schema + " (role app reads only the gold layer)");
      }
    }
  }

  /**
   * Checks a statement against the login's role, and on a read replica refuses writes first; a
   * refusal is logged and raised (42501, or 25006 for a write on a replica).
   */
  private void guard(SqlStatement statement) {
    guard(statement, statement);
  }

  /**
   * @param asRoleSeesIt what the role guard checks: for a COPY, the statement it amounts to (the
   *     read-only check names the COPY itself, as PostgreSQL does)
   */
  private void guard(SqlStatement statement, SqlStatement asRoleSeesIt) {
    execution.begin(asRoleSeesIt);
    try {
      if (services.replica()) {
        ReadOnlyGuard.check(statement);
      }
      guard.check(asRoleSeesIt);
    } catch (PlatformException e) {
      LOG.warn("refused for {}@{} (role {}): {} -- {}", user, clientAddress.getHostAddress(), guard.role().sqlName(),
          e.getMessage(), StatementFingerprint.of(statement));
      throw e;
    }
  }

  /** The login's role, decided once when the session opened. */
  Role role() {
    return guard.role();
  }

  int processId() {
    return key == null ? 0 : key.processId();
  }

  String database() {
    return database;
  }

  /** Applies the startup packet's parameters, then greets the client (ParameterStatus, key, ready). */
  void start(Map<String, String> startupParameters) {
    for (Map.Entry<String, String> entry : startupParameters.entrySet()) {
      String name = entry.getKey();
      if (name.equals("user") || name.equals("database") || name.startsWith("_pq_.")) {
        continue;
      }
      if (name.equals("options")) {
        for (Map.Entry<String, String> option : StartupOptions.parse(entry.getValue()).entrySet()) {
          commands.setFromStartup(option.getKey(), option.getValue());
        }
      } else if (SessionParameters.isKnown(name)) {
        commands.setFromStartup(name, entry.getValue());
      }
    }
    if (guard.role() == Role.APP) {
      // Unqualified names of an app session resolve in the gold layer.
      commands.setFromStartup("search_path", "gold");
    } else if (searchPathRouting != SearchPathRouting.DIRECT) {
      // DuckDB's default path names only the default catalog; a routed one is set even if the client set none.
      commands.applySearchPath();
    }
    for (Map.Entry<String, String> reported : parameters.reportedValues().entrySet()) {
      BackendMessages.parameterStatus(output.buffer(), reported.getKey(), reported.getValue());
    }
    key = services.registry().register(this, user);
    // The session's process id, for pg_backend_pid() and joins with pg_stat_activity.pid.
    engine.execute("CREATE OR REPLACE TEMP MACRO pg_backend_pid() AS " + key.processId());
    BackendMessages.backendKeyData(output.buffer(), key.processId(), key.secretKey());
    readyForQuery();
  }

  /** Handles one message; returns false when the client asked to terminate. */
  boolean handle(FrontendMessage message) {
    messagesHandled++;
    if (idleTimer != null) {
      idleTimer.cancel(false);
      idleTimer = null;
    }
    busy = true;
    try {
      return dispatch(message);
    } finally {
      busy = false;
    }
  }

  private boolean dispatch(FrontendMessage message) {
    try {
      if (copy.isReceiving()) {
        return handleDuringCopyIn(message);
      }
      if (message instanceof FrontendMessage.Query query) {
        simpleQuery(query.sql());
      } else if (message instanceof FrontendMessage.Sync) {
        sync();
      } else if (message instanceof FrontendMessage.Flush) {
        output.flush();
      } else if (message instanceof FrontendMessage.Terminate) {
        return false;
      } else if (message instanceof FrontendMessage.CopyData
          || message instanceof FrontendMessage.CopyDone
          || message instanceof FrontendMessage.CopyFail) {
        // Late copy data after a failed COPY is ignored, as the protocol specifies.
      } else if (skippingUntilSync) {
        // After an error, extended-query messages are discarded until Sync.
      } else {
        handleExtended(message);
      }
    } catch (ClientGoneException e) {
      return false;
    } catch (RuntimeException e) {
      if (!output.isOpen()) {
        return false;
      }
      reportError(e, 0);
      if (!(message instanceof FrontendMessage.Query)) {
        skippingUntilSync = true;
        transactions.abortImplicit();
      } else {
        readyForQuery();
      }
    }
    return true;
  }

  private void handleExtended(FrontendMessage message) {
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

  // ---------------------------------------------------------------- simple query

  private void simpleQuery(String sql) {
    services.lakeRefresh().run();
    portals.close("");
    List<SqlStatement> split = StatementSplitter.split(sql);
    if (split.isEmpty()) {
      BackendMessages.emptyQueryResponse(output.buffer());
      readyForQuery();
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
    readyForQuery();
  }

  private void runSimpleStatement(SqlStatement statement) {
    transactions.checkNotAborted(statement);
    try {
      Optional<SessionCommand> command = SessionCommandParser.parse(statement);
      if (command.isPresent()) {
        if (command.get() instanceof SessionCommand.Copy copyCommand) {
          guard(statement, CopyStatements.equivalent(copyCommand, statement));
          copy.start(statement, copyCommand, parameters.format());
          return;
        }
        guardCommand(command.get());
        runCommand(statement, command.get(), true);
        return;
      }
      guard(statement);
      try (PreparedQuery query = preparer.prepare(statement, transactions.isOpen())) {
        List<ResultColumn> columns = postgresNames(statement.sql(), query.columns());
        List<FieldDescription> fields = RowDescriptions.describe(columns, new short[0]);
        runQuery(statement, query, List.of(), columns, fields, true, 0, null);
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

  private boolean handleDuringCopyIn(FrontendMessage message) {
    try {
      if (message instanceof FrontendMessage.CopyData data) {
        copy.receive(data.data());
      } else if (message instanceof FrontendMessage.CopyDone) {
        long rows = copy.finish();
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
      reportError(e, 0);
      readyForQuery();
    }
    return true;
  }

  // ---------------------------------------------------------------- extended query

  private void parse(FrontendMessage.Parse parse) {
    services.lakeRefresh().run();
    String name = parse.statementName();
    if (!name.isEmpty() && statements.containsKey(name)) {
      throw new PlatformException(SqlState.DUPLICATE_PREPARED_STATEMENT, "prepared statement \"" + name + "\" already exists");
    }
    List<SqlStatement> split = StatementSplitter.split(parse.sql());
    if (split.size() > 1) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
    }
    PreparedPlan plan;
    if (split.isEmpty()) {
      plan = new PreparedPlan.Empty(SqlStatement.parse(""), parse.parameterTypes());
    } else {
      SqlStatement statement = split.get(0);
      transactions.checkNotAborted(statement);
      Optional<SessionCommand> command = SessionCommandParser.parse(statement);
      if (command.isPresent()) {
        if (command.get() instanceof SessionCommand.Copy) {
          throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY is supported through the simple query protocol only");
        }
        guardCommand(command.get());
        if (command.get() instanceof SessionCommand.DeclareCursor declare) {
          guard(declare.query());
          plan = new PreparedPlan.DeclareCursor(statement, declare, preparer.prepare(declare.query(), parse.parameterTypes(), transactions.isOpen()), parse.parameterTypes());
        } else {
          plan = new PreparedPlan.Command(statement, command.get(), parse.parameterTypes());
        }
      } else {
        guard(statement);
        try {
          PreparedQuery query = preparer.prepare(statement, parse.parameterTypes(), transactions.isOpen());
          List<ResultColumn> columns = postgresNames(statement.sql(), shapes.beforeBind(statement, query, parse.parameterTypes()));
          plan = new PreparedPlan.DuckDb(statement, query, parse.parameterTypes(), columns);
        } catch (PlatformException e) {
          transactions.markFailed();
          throw e;
        }
      }
    }
    PreparedPlan previous = statements.put(name, plan);
    if (previous != null) {
      previous.close();
    }
    BackendMessages.parseComplete(output.buffer());
  }

  private void bind(FrontendMessage.Bind bind) {
    PreparedPlan plan = statement(bind.statementName());
    String portalName = bind.portalName();
    if (!portalName.isEmpty() && portals.contains(portalName)) {
      throw new PlatformException(SqlState.DUPLICATE_CURSOR, "portal \"" + portalName + "\" already exists");
    }
    if (!(plan instanceof PreparedPlan.Command command && TransactionState.isExit(command.command()))) {
      transactions.checkNotAborted(plan.statement());
    }
    List<Object> values = decodeParameters(plan, bind);
    List<FieldDescription> fields = null;
    List<ResultColumn> resultColumns = List.of();
    if (plan instanceof PreparedPlan.DuckDb duckDb) {
      resultColumns = shapes.atBind(duckDb, values);
      if (resultColumns != duckDb.columns()) {
        // Learned only now from the bound values; the plan's own columns were named at Parse, once.
        resultColumns = postgresNames(duckDb.statement().sql(), resultColumns);
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
      fields = RowDescriptions.describe(resultColumns, formats);
    } else if (plan instanceof PreparedPlan.Command command) {
      fields = describeCommand(command.command());
    }
    portals.put(new Portal(portalName, plan, values, fields, resultColumns));
    BackendMessages.bindComplete(output.buffer());
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
      values.add(ParameterDecoder.decode(declared, duckDbTypes.get(i), bind.parameterFormat(i) == 1, raw, parameters.format()));
    }
    return values;
  }

  private void describe(FrontendMessage.Describe describe) {
    if (describe.kind() == 'S') {
      PreparedPlan plan = statement(describe.name());
      BackendMessages.parameterDescription(output.buffer(), parameterTypeOids(plan));
      List<FieldDescription> fields = null;
      if (plan instanceof PreparedPlan.DuckDb duckDb && !duckDb.columns().isEmpty()) {
        fields = RowDescriptions.describe(duckDb.columns(), new short[0]);
      } else if (plan instanceof PreparedPlan.Command command) {
        fields = describeCommand(command.command());
      }
      writeRowDescriptionOrNoData(fields);
    } else {
      writeRowDescriptionOrNoData(portals.require(describe.name()).fields());
    }
  }

  /** The rows a command returns: a FETCH returns its cursor's, known once the cursor is declared. */
  private List<FieldDescription> describeCommand(SessionCommand command) {
    if (command instanceof SessionCommand.FetchCursor fetch) {
      Portal cursor = portals.find(fetch.name());
      return fetch.move() || cursor == null ? null : cursor.fields();
    }
    return commands.describe(command);
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
      BackendMessages.noData(output.buffer());
    } else {
      BackendMessages.rowDescription(output.buffer(), fields);
    }
  }

  private void execute(FrontendMessage.Execute execute) {
    Portal portal = portals.require(execute.portalName());
    PreparedPlan plan = portal.plan();
    try {
      if (plan instanceof PreparedPlan.Empty) {
        BackendMessages.emptyQueryResponse(output.buffer());
      } else if (plan instanceof PreparedPlan.Command command) {
        if (!TransactionState.isExit(command.command())) {
          transactions.checkNotAborted(plan.statement());
        }
        if (portal.isCompleted()) {
          BackendMessages.commandComplete(output.buffer(), CommandTags.forStatement(plan.statement(), 0));
        } else {
          runCommand(plan.statement(), command.command(), false);
          portal.complete();
        }
      } else if (plan instanceof PreparedPlan.DeclareCursor declare) {
        transactions.checkNotAborted(plan.statement());
        if (portal.isCompleted()) {
          BackendMessages.commandComplete(output.buffer(), "DECLARE CURSOR");
        } else {
          declareCursor(declare.declare(), portal.parameters(), declare.declaredTypes());
          portal.complete();
        }
      } else if (plan instanceof PreparedPlan.DuckDb duckDb) {
        transactions.checkNotAborted(plan.statement());
        if (portal.isCompleted()) {
          BackendMessages.commandComplete(output.buffer(), CommandTags.forStatement(plan.statement(), 0));
        } else if (portal.cursor() == null) {
          transactions.beginImplicit(plan.statement());
          runQuery(plan.statement(), duckDb.query(), portal.parameters(), portal.columns(), portal.fields(), false, execute.maxRows(), portal);
        } else {
          resumePortal(portal, execute.maxRows());
        }
      }
    } catch (PlatformException e) {
      portal.complete();
      transactions.markFailed();
      throw e;
    }
  }

  private void closeObject(FrontendMessage.Close close) {
    if (close.kind() == 'S') {
      PreparedPlan plan = statements.remove(close.name());
      if (plan != null) {
        portals.closeAllOf(plan);
        plan.close();
      }
    } else {
      portals.close(close.name());
    }
    BackendMessages.closeComplete(output.buffer());
  }

  private void sync() {
    skippingUntilSync = false;
    try {
      transactions.commitImplicit();
    } catch (RuntimeException e) {
      reportError(e, 0);
    }
    if (transactions.status() == TransactionStatus.IDLE) {
      // The implicit transaction of an extended-query batch ends at Sync, and its portals with it.
      portals.closeTransactionPortals();
    }
    readyForQuery();
  }

  // ---------------------------------------------------------------- running statements

  /**
   * Executes a DuckDB statement and writes its results: for a simple query with RowDescription and
   * all rows; for a portal, at most {@code maxRows} rows, suspending if it stops early.
   */
  private void runQuery(
      SqlStatement statement,
      PreparedQuery query,
      List<Object> values,
      List<ResultColumn> columns,
      List<FieldDescription> fields,
      boolean describeRows,
      int maxRows,
      Portal portal) {
    execution.begin(statement);
    try (StatementExecution.Run run = execution.run(statement, StatementExecution.Admission.ADMITTED)) {
      QueryResult result = query.execute(values);
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

  private void resumePortal(Portal portal, int maxRows) {
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

  private void runCommand(SqlStatement statement, SessionCommand command, boolean describeRows) {
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
        statements.values().forEach(PreparedPlan::close);
        statements.clear();
        commands.resetAll();
      }
      BackendMessages.commandComplete(output.buffer(), "DISCARD " + discard.what());
    } else if (command instanceof SessionCommand.Deallocate deallocate) {
      if (deallocate.name() == null) {
        statements.values().forEach(PreparedPlan::close);
        statements.clear();
        BackendMessages.commandComplete(output.buffer(), "DEALLOCATE ALL");
      } else {
        PreparedPlan removed = statements.remove(deallocate.name());
        if (removed == null) {
          throw new PlatformException(SqlState.INVALID_SQL_STATEMENT_NAME, "prepared statement \"" + deallocate.name() + "\" does not exist");
        }
        removed.close();
        BackendMessages.commandComplete(output.buffer(), "DEALLOCATE");
      }
    } else if (command instanceof SessionCommand.Explain) {
      // EXPLAIN ANALYZE runs the statement: under the same timeout, admission and cancel as any other.
      try (StatementExecution.Run run = execution.run(statement, StatementExecution.Admission.ADMITTED)) {
        commands.run(statement, command, describeRows);
      }
      execution.completed(statement, 0);
    } else {
      commands.run(statement, command, describeRows);
    }
  }

  // ---------------------------------------------------------------- SQL cursors

  /**
   * DECLARE: the query runs now and its rows wait in a named portal for FETCH. Like any open portal
   * it is read into memory (by the engine) when another statement needs the DuckDB connection.
   */
  private void declareCursor(SessionCommand.DeclareCursor declare, List<Object> values, List<Integer> declaredTypes) {
    if (!declare.hold() && !transactions.isOpen()) {
      throw new PlatformException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
    }
    if (portals.contains(declare.name())) {
      throw new PlatformException(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
    }
    guard(declare.query());
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

  // ---------------------------------------------------------------- descriptions

  /** Named from the client's own SQL, before the gateway's rewrites (which replace some calls by literals). */
  private List<ResultColumn> postgresNames(String sql, List<ResultColumn> columns) {
    return io.analytics.gateway.naming.PostgresColumnNames.apply(sql, columns, engine::parseTree);
  }

  // ---------------------------------------------------------------- objects

  private PreparedPlan statement(String name) {
    PreparedPlan plan = statements.get(name);
    if (plan == null) {
      throw new PlatformException(
          SqlState.INVALID_SQL_STATEMENT_NAME,
          name.isEmpty() ? "unnamed prepared statement does not exist" : "prepared statement \"" + name + "\" does not exist");
    }
    return plan;
  }

  private void readyForQuery() {
    BackendMessages.readyForQuery(output.buffer(), transactions.status().indicator());
    output.flush();
    int idleLimit = services.config().gateway().limits().idleInTransactionTimeoutSeconds();
    if (idleLimit > 0 && transactions.status() != TransactionStatus.IDLE) {
      long handledAtReady = messagesHandled;
      idleTimer = services.timers().schedule(
          () -> serial.execute(() -> endIdleTransaction(handledAtReady)), idleLimit, TimeUnit.SECONDS);
    }
  }

  /** Ends a session that has sat in a transaction, holding its locks and snapshot, for too long. */
  private void endIdleTransaction(long handledAtReady) {
    if (messagesHandled != handledAtReady || !output.isOpen()) {
      return;
    }
    LOG.info("ending session of {}@{}: idle in transaction for more than {} s", user, clientAddress.getHostAddress(),
        services.config().gateway().limits().idleInTransactionTimeoutSeconds());
    ErrorReporter.fatal(output.buffer(), new PlatformException(
        SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, "terminating connection due to idle-in-transaction timeout"));
    output.flushAndClose();
  }

  private void reportError(RuntimeException e, int positionOffset) {
    PlatformException error = ErrorReporter.toPlatform(e);
    execution.failed(error);
    ErrorReporter.error(output.buffer(), error, positionOffset);
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void cancelRunningStatement() {
    services.metrics().cancellation();
    execution.cancel(CancelReason.USER_REQUEST);
  }

  @Override
  public void terminate() {
    execution.cancel(CancelReason.SHUTDOWN);
    serial.execute(() -> {
      if (output.isOpen()) {
        ErrorReporter.fatal(output.buffer(), new PlatformException(SqlState.ADMIN_SHUTDOWN, CancelReason.SHUTDOWN.message()));
        output.flushAndClose();
      }
    });
  }

  @Override
  public boolean isBusy() {
    return busy;
  }

  /** As in PostgreSQL, other users' statements are hidden from everyone but administrators. */
  private List<io.analytics.gateway.activity.SessionActivity> visibleActivities() {
    List<io.analytics.gateway.activity.SessionActivity> visible = new ArrayList<>();
    for (io.analytics.gateway.activity.SessionActivity activity : services.registry().activities()) {
      boolean mine = activity.user().equals(user) || guard.role().administers();
      visible.add(mine ? activity : new io.analytics.gateway.activity.SessionActivity(activity.pid(), activity.database(),
          activity.user(), activity.applicationName(), null, activity.backendStart(), null, null, null, "<insufficient privilege>"));
    }
    return visible;
  }

  @Override
  public String owner() {
    return user;
  }

  @Override
  public io.analytics.gateway.activity.SessionActivity activity() {
    String state = busy ? "active" : switch (transactions.status()) {
      case IDLE -> "idle";
      case IN_BLOCK -> "idle in transaction";
      case FAILED -> "idle in transaction (aborted)";
    };
    return new io.analytics.gateway.activity.SessionActivity(processId(), database, user,
        parameters.get("application_name"), clientAddress.getHostAddress(), backendStart, null, execution.activityStart(), state,
        execution.activityQuery());
  }

  /** The socket closed: stop the running statement now (called from Netty's event loop). */
  void clientGone() {
    execution.cancel(CancelReason.CLIENT_GONE);
  }

  void close() {
    services.registry().unregister(key);
    copy.abort();
    portals.closeAll();
    statements.values().forEach(PreparedPlan::close);
    statements.clear();
    try {
      engine.close();
    } finally {
      closeAllocator();
    }
  }

  private void closeAllocator() {
    try {
      allocator.close();
    } catch (IllegalStateException leaked) {
      // Never take the server down over a session's accounting; say so for the operator.
      LOG.warn("session of {} closed with Arrow memory still held: {}", user, leaked.getMessage());
    }
  }
}
