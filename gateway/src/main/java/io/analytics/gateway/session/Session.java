package io.analytics.gateway.session;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.activity.PgStatActivity;
import io.analytics.gateway.security.Role;
import io.analytics.gateway.server.AdmissionControl;
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
import io.analytics.gateway.types.ColumnType;
import io.analytics.gateway.types.ColumnWriters;
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
  private java.util.Map<String, java.util.List<String>> mirroredSources;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);
  private static final org.slf4j.Logger SLOW = org.slf4j.LoggerFactory.getLogger("io.analytics.slowquery");

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
  private boolean catalogObjectsCreated;
  private boolean catalogObjectsUncommitted;
  private final io.analytics.gateway.functions.SessionFunctionMacros functionMacros = new io.analytics.gateway.functions.SessionFunctionMacros();
  private final io.analytics.gateway.functions.TableFunctionNames tableFunctions;
  private final java.time.Instant backendStart = java.time.Instant.now();
  private volatile String currentQuery;
  private volatile java.time.Instant queryStart;

  /** Counts messages, so that an idle timer can tell whether the client spoke since it was set. */
  private long messagesHandled;
  private ScheduledFuture<?> idleTimer;
  /** The DuckDB statement being run or checked, for its audit line, and when it started. */
  private SqlStatement auditedStatement;
  /** The whole text of a statement the guard refused, for its audit line. */
  private String refusedText;
  private long auditedStartNanos;
  /** The statement audited last and its fingerprint. */
  private SqlStatement fingerprinted;
  private String fingerprint;
  private final CopyHandler copy;
  private final io.analytics.gateway.cache.SessionResultCache resultCache;
  private final Map<String, PreparedPlan> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();
  private final java.util.concurrent.Executor serial;
  private volatile boolean busy;
  private SessionRegistry.KeyData key;
  private TransactionStatus transaction = TransactionStatus.IDLE;
  private boolean skippingUntilSync;
  /** Statements of a simple query still to run after a COPY FROM STDIN completes. */
  private Deque<SqlStatement> pendingStatements;
  private boolean implicitTransaction;
  private final SavepointEmulation savepoints;
  private final ReadOnlyTransactions readOnlyTransactions;
  private final WriteTurns writeTurns;
  private io.analytics.gateway.notify.SessionNotifications notifications;

  Session(
      GatewayServices services,
      BackendOutput output,
      java.util.concurrent.Executor serial,
      String user,
      String database,
      InetAddress clientAddress) {
    this(services, output, serial, user, database, clientAddress, false);
  }

  /** @param homeOwner whether the login is the home's OS owner on the local socket (see LocalPeer) */
  Session(GatewayServices services, BackendOutput output, java.util.concurrent.Executor serial, String user,
      String database, InetAddress clientAddress, boolean homeOwner) {
    this.services = requireNonNull(services, "services is null");
    this.serial = requireNonNull(serial, "serial is null");
    this.output = requireNonNull(output, "output is null");
    this.user = requireNonNull(user, "user is null");
    this.database = requireNonNull(database, "database is null");
    this.clientAddress = requireNonNull(clientAddress, "clientAddress is null");
    Role role = homeOwner ? io.analytics.gateway.auth.LocalPeer.ownerRole(services.config(), user) : Role.forLogin(services.config(), user);
    boolean goldTier = role == Role.APP && services.goldTier() != null;
    DuckDbDatabase instance = goldTier ? services.goldTier() : services.database();
    // Result batches of this session are counted here and held to the per-query memory limit after
    // each batch (see ResultStream); the allocator itself is not capped, as Arrow leaks when a capped
    // allocator refuses an import half-way.
    this.allocator = services.allocator().newChildAllocator("session", 0, Long.MAX_VALUE);
    this.engine = new EngineSession(instance.connect(), allocator, services.config().gateway().fetchBatchRows(),
        services.config().gateway().limits().queryMemoryBytes(), instance.parseTrees());
    this.tableFunctions = new io.analytics.gateway.functions.TableFunctionNames(
        () -> engine.firstColumn(io.analytics.gateway.functions.TableFunctionNames.QUERY));
    this.parameters = new SessionParameters(user, true, services.replica());
    parameters.setSessionDefault("search_path", services.config().searchPath().forRole(role.name()));
    // The gold tier is a plain in-memory instance with just the gold views, on replicas too.
    this.searchPathRouting = goldTier ? SearchPathRouting.DIRECT : services.searchPathRouting();
    this.resultCache = new io.analytics.gateway.cache.SessionResultCache(services.resultCache(), engine::parseTree, role.sqlName(), user);
    this.commands = new SessionCommands(this.parameters, this.engine, output,
        (pid, terminate) -> services.registry().signal(pid, user, role.administers(), terminate), searchPathRouting,
        sql -> resultCache.explainLines(sql, transaction != TransactionStatus.IDLE, parameters::all));
    this.shapes = new ResultShapes(this.engine, this::materializeOpenPortals);
    this.copy = new CopyHandler(engine, output, services.copyTempDir());
    this.savepoints = new SavepointEmulation(engine);
    this.readOnlyTransactions = new ReadOnlyTransactions(parameters);
    this.writeTurns = new WriteTurns(instance.writeOrder(), user + "@" + clientAddress.getHostAddress(), parameters);
    this.guard = new StatementGuard(
        role,
        services.home().dataDir(),
        new SessionCatalogLookup(engine, this::materializeOpenPortals),
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
   * Creates the session's catalog objects the first time a statement needs them: most sessions
   * never look at pg_catalog, and creating them costs a few dozen DuckDB statements.
   */
  private void ensureCatalogObjects(SqlStatement statement) {
    if (catalogObjectsCreated || !io.analytics.gateway.pgcatalog.PgCatalogObjects.neededBy(statement)) {
      return;
    }
    catalogObjectsCreated = true;
    // Created inside the client's transaction, they vanish if it rolls back; see forgetRolledBackCatalog.
    catalogObjectsUncommitted = transaction != TransactionStatus.IDLE || implicitTransaction;
    List<io.analytics.gateway.pgcatalog.LakeCatalogFacts.DatasetFacts> lake = io.analytics.gateway.pgcatalog.LakeCatalogFacts.collect(
        services.home(), relation -> Long.parseLong(engine.firstColumn("SELECT count(*) FROM " + relation).get(0)));
    for (String sql : io.analytics.gateway.pgcatalog.PgCatalogObjects.statements(services.config(), database, lake)) {
      try {
        engine.execute(sql);
      } catch (PlatformException e) {
        LOG.warn("catalog object not created for session {}: {}", processId(), e.getMessage());
      }
    }
  }

  /** {@code source.schema.table} of mirrored sources as their mirrors' names (see SourceTableNames). */
  private String withMirrorNames(String sql) {
    if (mirroredSources == null) {
      mirroredSources = MirroredSources.of(services.config(), engine);
    }
    try {
      return io.analytics.gateway.sql.SourceTableNames.rewrite(sql, mirroredSources);
    } catch (PlatformException e) {
      // Text the lexer refuses is left as it came: split() reports it as it does any other.
      return sql;
    }
  }

  /** The statement with PostgreSQL catalog syntax DuckDB does not parse rewritten (see PgCatalogRewriter). */
  private static SqlStatement catalogCompatible(SqlStatement statement) {
    if (!io.analytics.gateway.pgcatalog.PgCatalogRewriter.applies(statement)) {
      return statement;
    }
    SqlStatement rewritten = SqlStatement.parse(io.analytics.gateway.pgcatalog.PgCatalogRewriter.rewrite(statement));
    return new SqlStatement(rewritten.sql(), rewritten.tokens(), statement.offsetInQuery());
  }

  /**
   * The checks for commands the gateway answers itself: EXPLAIN is checked like the statement it
   * explains, and role app, which reads only the gold layer, may not put anything else on its search path.
   */
  private void guardCommand(SessionCommand command) {
    if (command instanceof SessionCommand.Explain explain) {
      materializeOpenPortals();
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
    auditedStatement = asRoleSeesIt;
    auditedStartNanos = System.nanoTime();
    check(statement, asRoleSeesIt);
  }

  private void check(SqlStatement statement, SqlStatement asRoleSeesIt) {
    try {
      if (services.replica()) {
        ReadOnlyGuard.check(statement);
      }
      readOnlyTransactions.check(statement);
      // Before the role guard's catalog lookups, which would start DuckDB's snapshot of the transaction.
      writeTurns.beforeRunning(statement);
      guard.check(asRoleSeesIt);
    } catch (PlatformException e) {
      refusedText = statement.sql();
      LOG.warn("refused for {}@{} (role {}): {} -- {}", user, clientAddress.getHostAddress(), guard.role().sqlName(),
          e.getMessage(), StatementFingerprint.of(statement));
      throw e;
    }
  }

  /** The text DuckDB is about to run, after the gateway's rewrites: checked again, as exactly that text. */
  private void guardText(String sql) {
    SqlStatement text = SqlStatement.parse(sql);
    check(text, text);
  }

  /** The client's text split into statements; a text the lexer rejects is audited, whole, before the error. */
  private List<SqlStatement> split(String sql) {
    try {
      return StatementSplitter.split(sql);
    } catch (PlatformException e) {
      PlatformException refusal = StatementGuard.lexerDisagreement(sql).orElse(e);
      services.audit().statement(user, clientAddress, "", 0, 0, refusal.sqlState().code(), sql);
      throw refusal;
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
    long defaultTimeout = services.config().gateway().limits().defaultStatementTimeoutMillis();
    if (defaultTimeout > 0 && !guard.role().administers()) {
      // A shared server's safety net: a runaway query of any role but admin stops, unless the client chose otherwise.
      commands.setFromStartup("statement_timeout", Long.toString(defaultTimeout));
    }
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
      // An app session's names resolve through its role's path (gold), whatever the startup packet said.
      parameters.reset("search_path");
    }
    // The session's path (searchPath in the config, by role) is never DuckDB's default, so it is always set.
    commands.applySearchPath();
    for (Map.Entry<String, String> reported : parameters.reportedValues().entrySet()) {
      BackendMessages.parameterStatus(output.buffer(), reported.getKey(), reported.getValue());
    }
    key = services.registry().register(this, user);
    notifications = new io.analytics.gateway.notify.SessionNotifications(
        services.notifications(), key.processId(), serial::execute, this::deliverNotificationsIfIdle);
    // The session's process id, for pg_backend_pid() and joins with pg_stat_activity.pid.
    engine.execute("CREATE OR REPLACE TEMP MACRO pg_backend_pid() AS " + key.processId());
    io.analytics.gateway.dialect.PostgresDialectSettings.apply(engine);
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
      if (transaction == TransactionStatus.IDLE && !implicitTransaction && !copy.isReceiving()) {
        writeTurns.transactionEnded();
      }
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
        abortImplicitTransaction();
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
    closePortal("");
    List<SqlStatement> split = split(withMirrorNames(sql));
    if (split.isEmpty()) {
      BackendMessages.emptyQueryResponse(output.buffer());
      readyForQuery();
      return;
    }
    pendingStatements = new ArrayDeque<>(split);
    if (split.size() > 1 && split.stream().noneMatch(Session::controlsTransactions)) {
      // PostgreSQL runs a multi-statement string as one transaction unless it manages its own.
      beginImplicitTransaction(split.get(0));
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
      commitImplicitTransaction();
    } catch (ClientGoneException e) {
      throw e;
    } catch (RuntimeException e) {
      pendingStatements.clear();
      abortImplicitTransaction();
      throw e;
    }
    readyForQuery();
  }

  private void runSimpleStatement(SqlStatement statement) {
    checkNotAborted(statement);
    try {
      Optional<SessionCommand> command = SessionCommandParser.parse(statement);
      if (command.isPresent()) {
        if (command.get() instanceof SessionCommand.Copy copyCommand) {
          materializeOpenPortals();
          guard(statement, CopyStatements.equivalent(copyCommand, statement));
          copy.start(CopyStatements.inPostgresDialect(copyCommand), parameters.format());
          return;
        }
        guardCommand(command.get());
        runCommand(statement, command.get(), true);
        return;
      }
      materializeOpenPortals();
      guard(statement);
      io.analytics.gateway.cache.CachedStatement cached =
          resultCache.statement(statement.sql(), transaction != TransactionStatus.IDLE, parameters::all);
      long cachedRows = cached.answer(output.buffer());
      if (cachedRows >= 0) {
        audit(statement, cachedRows, "ok");
        return;
      }
      try (PreparedQuery query = prepareClientQuery(statement)) {
        List<ResultColumn> columns = postgresNames(statement.sql(), query.columns());
        List<FieldDescription> fields = describeColumns(columns, new short[0]);
        cached.startCapture(output::buffer, output::flushes);
        runQuery(statement, query, List.of(), columns, fields, true, 0, null);
        cached.finishCapture(output::buffer, output::flushes);
      }
    } catch (PlatformException e) {
      markFailed();
      throw shifted(e, statement);
    } catch (RuntimeException e) {
      markFailed();
      throw e;
    }
  }

  /** Prepares a client's statement (already checked by the guard), rewriting what DuckDB would not understand. */
  private PreparedQuery prepareClientQuery(SqlStatement statement) {
    return prepareClientQuery(statement, List.of());
  }

  /** As above, for a statement with parameters whose types the client declared in Parse. */
  /**
   * The statement with PostgreSQL DDL DuckDB lacks translated (see PgDdl). A translation into several
   * statements (a sequence before its table, one DROP per object) runs all but the last now, each
   * checked as DuckDB will read it, and returns the last.
   */
  private SqlStatement translatedDdl(SqlStatement statement) {
    SqlStatement translated = io.analytics.gateway.dialect.PgDdl.translate(statement);
    if (translated == statement) {
      return statement;
    }
    List<SqlStatement> parts = StatementSplitter.split(translated.sql());
    for (int i = 0; i < parts.size() - 1; i++) {
      guardText(parts.get(i).sql());
      engine.execute(parts.get(i).sql());
    }
    String last = parts.get(parts.size() - 1).sql();
    return new SqlStatement(last, SqlStatement.parse(last).tokens(), statement.offsetInQuery());
  }

  private PreparedQuery prepareClientQuery(SqlStatement statement, List<Integer> declaredTypes) {
    ensureCatalogObjects(statement);
    functionMacros.ensureFor(statement, transaction != TransactionStatus.IDLE || implicitTransaction, engine::execute);
    SqlStatement effective = SessionValueCalls.rewrite(
        io.analytics.gateway.dialect.PostgresDialect.translate(
            io.analytics.gateway.functions.PgFormatCalls.rewrite(catalogCompatible(translatedDdl(statement)))),
        new SessionValueCalls.Values(parameters, database, user));
    if (io.analytics.gateway.functions.ScalarCallsInFrom.mayApply(effective)) {
      effective = io.analytics.gateway.functions.ScalarCallsInFrom.rewrite(effective, tableFunctions);
    }
    effective = io.analytics.gateway.dialect.AnyArrayParameters.probingWith(engine).apply(effective, declaredTypes);
    effective = io.analytics.gateway.dialect.NumericParameters.apply(effective, declaredTypes);
    String sql = ParameterCasts.apply(effective, declaredTypes);
    if (PgStatActivity.isReadBy(effective)) {
      sql = PgStatActivity.bind(SqlStatement.parse(sql), visibleActivities());
    }
    if (PgCursors.isReadBy(effective)) {
      sql = PgCursors.bind(SqlStatement.parse(sql), declaredCursors());
    }
    if (sql.contains("pg_stat_statements")) {
      sql = io.analytics.gateway.activity.PgStatStatements.prepare(SqlStatement.parse(sql), services.statementStatistics(), user, guard.role().administers());
    }
    if (!sql.equals(statement.sql())) {
      guardText(sql);
    }
    return engine.prepare(sql);
  }

  private static PlatformException shifted(PlatformException e, SqlStatement statement) {
    if (e.position() <= 0 || statement.offsetInQuery() == 0) {
      return e;
    }
    return new PlatformException(e.sqlState(), e.getMessage(), e.detail(), e.hint(), e.position() + statement.offsetInQuery(), e);
  }

  private static boolean controlsTransactions(SqlStatement statement) {
    String keyword = statement.keyword();
    return switch (keyword) {
      case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "CHECKPOINT", "VACUUM", "COPY",
          "ATTACH", "DETACH", "USE" -> true;
      default -> false;
    };
  }

  private boolean handleDuringCopyIn(FrontendMessage message) {
    try {
      if (message instanceof FrontendMessage.CopyData data) {
        copy.receive(data.data());
      } else if (message instanceof FrontendMessage.CopyDone) {
        long rows = copy.finish();
        savepoints.unreplayable("COPY FROM STDIN");
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
      markFailed();
      pendingStatements.clear();
      abortImplicitTransaction();
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
    List<SqlStatement> split = split(withMirrorNames(parse.sql()));
    if (split.size() > 1) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "cannot insert multiple commands into a prepared statement");
    }
    PreparedPlan plan;
    if (split.isEmpty()) {
      plan = new PreparedPlan.Empty(SqlStatement.parse(""), parse.parameterTypes());
    } else {
      SqlStatement statement = split.get(0);
      checkNotAborted(statement);
      Optional<SessionCommand> command = SessionCommandParser.parse(statement);
      if (command.isPresent()) {
        if (command.get() instanceof SessionCommand.Copy) {
          throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "COPY is supported through the simple query protocol only");
        }
        guardCommand(command.get());
        if (command.get() instanceof SessionCommand.DeclareCursor declare) {
          materializeOpenPortals();
          guard(declare.query());
          plan = new PreparedPlan.DeclareCursor(statement, declare, prepareClientQuery(declare.query(), parse.parameterTypes()), parse.parameterTypes());
        } else {
          plan = new PreparedPlan.Command(statement, command.get(), parse.parameterTypes());
        }
      } else {
        materializeOpenPortals();
        guard(statement);
        try {
          PreparedQuery query = prepareClientQuery(statement, parse.parameterTypes());
          List<ResultColumn> columns = postgresNames(statement.sql(), shapes.beforeBind(statement, query, parse.parameterTypes()));
          plan = new PreparedPlan.DuckDb(statement, query, parse.parameterTypes(), columns);
        } catch (PlatformException e) {
          markFailed();
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
    if (!portalName.isEmpty() && portals.containsKey(portalName)) {
      throw new PlatformException(SqlState.DUPLICATE_CURSOR, "portal \"" + portalName + "\" already exists");
    }
    if (!(plan instanceof PreparedPlan.Command command && isTransactionExit(command.command()))) {
      checkNotAborted(plan.statement());
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
      fields = describeColumns(resultColumns, formats);
    } else if (plan instanceof PreparedPlan.Command command) {
      fields = describeCommand(command.command());
    }
    closePortal(portalName);
    portals.put(portalName, new Portal(portalName, plan, values, fields, resultColumns));
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
        fields = describeColumns(duckDb.columns(), new short[0]);
      } else if (plan instanceof PreparedPlan.Command command) {
        fields = describeCommand(command.command());
      }
      writeRowDescriptionOrNoData(fields);
    } else {
      writeRowDescriptionOrNoData(portal(describe.name()).fields());
    }
  }

  /** The rows a command returns: a FETCH returns its cursor's, known once the cursor is declared. */
  private List<FieldDescription> describeCommand(SessionCommand command) {
    if (command instanceof SessionCommand.FetchCursor fetch) {
      Portal cursor = portals.get(fetch.name());
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
    Portal portal = portal(execute.portalName());
    PreparedPlan plan = portal.plan();
    try {
      if (plan instanceof PreparedPlan.Empty) {
        BackendMessages.emptyQueryResponse(output.buffer());
      } else if (plan instanceof PreparedPlan.Command command) {
        if (!isTransactionExit(command.command())) {
          checkNotAborted(plan.statement());
        }
        if (portal.isCompleted()) {
          BackendMessages.commandComplete(output.buffer(), CommandTags.forStatement(plan.statement(), 0));
        } else {
          runCommand(plan.statement(), command.command(), false);
          portal.complete();
        }
      } else if (plan instanceof PreparedPlan.DeclareCursor declare) {
        checkNotAborted(plan.statement());
        if (portal.isCompleted()) {
          BackendMessages.commandComplete(output.buffer(), "DECLARE CURSOR");
        } else {
          declareCursor(declare.declare(), portal.parameters(), declare.declaredTypes());
          portal.complete();
        }
      } else if (plan instanceof PreparedPlan.DuckDb duckDb) {
        checkNotAborted(plan.statement());
        if (portal.isCompleted()) {
          BackendMessages.commandComplete(output.buffer(), CommandTags.forStatement(plan.statement(), 0));
        } else if (portal.cursor() == null) {
          materializeOpenPortals();
          if (AutocommitReads.needsImplicitTransaction(plan.statement())) {
            beginImplicitTransaction(plan.statement());
          }
          runQuery(plan.statement(), duckDb.query(), portal.parameters(), portal.columns(), portal.fields(), false, execute.maxRows(), portal);
        } else {
          resumePortal(portal, execute.maxRows());
        }
      }
    } catch (PlatformException e) {
      portal.complete();
      markFailed();
      throw e;
    }
  }

  private void closeObject(FrontendMessage.Close close) {
    if (close.kind() == 'S') {
      PreparedPlan plan = statements.remove(close.name());
      if (plan != null) {
        portals.values().removeIf(portal -> {
          if (portal.plan() == plan) {
            portal.close();
            return true;
          }
          return false;
        });
        plan.close();
      }
    } else {
      closePortal(close.name());
    }
    BackendMessages.closeComplete(output.buffer());
  }

  private void sync() {
    skippingUntilSync = false;
    try {
      commitImplicitTransaction();
    } catch (RuntimeException e) {
      reportError(e, 0);
    }
    if (transaction == TransactionStatus.IDLE) {
      // The implicit transaction of an extended-query batch ends at Sync, and its portals with it.
      closeTransactionPortals();
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
    auditedStatement = statement;
    auditedStartNanos = System.nanoTime();
    currentQuery = statement.sql();
    queryStart = java.time.Instant.now();
    writeTurns.beforeRunning(statement);
    ScheduledFuture<?> timeout = scheduleStatementTimeout();
    try (AdmissionControl.Turn turn = admit(statement)) {
      QueryResult result = query.execute(values);
      if (transaction != TransactionStatus.IDLE || implicitTransaction) {
        savepoints.executed(statement, query.sql(), values, result);
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
      ResultCursor cursor = new ResultCursor(rows.stream(), engine, columnTypes(columns), formatsOf(fields), parameters.format());
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
    } finally {
      if (timeout != null) {
        timeout.cancel(false);
      }
    }
  }

  /**
   * A turn from admission control, except for statements that read no relation ({@code SELECT 1},
   * {@code SELECT now()}, {@code SELECT version()}): they cost next to nothing, and a health check or
   * a BI tool's ping must answer at once even while heavy statements wait their turn.
   */
  private AdmissionControl.Turn admit(SqlStatement statement) {
    boolean readsNothing = statement.keyword().equals("SELECT")
        && statement.tokens().stream().noneMatch(token -> token.is("FROM"));
    return readsNothing ? () -> { } : services.admission().acquire();
  }

  private void resumePortal(Portal portal, int maxRows) {
    ScheduledFuture<?> timeout = scheduleStatementTimeout();
    try (AdmissionControl.Turn turn = admit(portal.plan().statement())) {
      writePortalRows(portal, maxRows);
    } finally {
      if (timeout != null) {
        timeout.cancel(false);
      }
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
    audit(statement, portal != null && portal.totalRowsSent() > rows ? portal.totalRowsSent() : rows, "ok");
    if (portal != null) {
      portal.complete();
    }
  }

  private void runCommand(SqlStatement statement, SessionCommand command, boolean describeRows) {
    if (command instanceof SessionCommand.TransactionControl control) {
      runTransactionControl(control);
    } else if (command instanceof SessionCommand.SavepointCommand savepoint) {
      savepoints.run(savepoint, transaction != TransactionStatus.IDLE, transaction == TransactionStatus.FAILED, savepointRestarter());
      transaction = transaction == TransactionStatus.IDLE ? transaction : TransactionStatus.IN_BLOCK;
      BackendMessages.commandComplete(output.buffer(), savepoint.action().tag());
    } else if (NotificationStatements.run(command, notifications, transaction != TransactionStatus.IDLE || implicitTransaction)) {
      BackendMessages.commandComplete(output.buffer(), NotificationStatements.tag(command));
    } else if (command instanceof SessionCommand.SetTransaction set) {
      String warning = readOnlyTransactions.set(set, transaction != TransactionStatus.IDLE, this::restartEngineTransaction);
      if (warning != null) {
        ErrorReporter.notice(output.buffer(), "WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, warning);
      }
      BackendMessages.commandComplete(output.buffer(), "SET");
    } else if (command instanceof SessionCommand.DeclareCursor declare) {
      declareCursor(declare, List.of(), List.of());
    } else if (command instanceof SessionCommand.FetchCursor fetch) {
      fetchCursor(statement, fetch, describeRows);
    } else if (command instanceof SessionCommand.CloseCursor close) {
      if (close.name() == null) {
        closeAllPortals();
      } else {
        portal(close.name());
        closePortal(close.name());
      }
      BackendMessages.commandComplete(output.buffer(), "CLOSE CURSOR");
    } else if (command instanceof SessionCommand.Discard discard) {
      // DISCARD PLANS, SEQUENCES and TEMP have nothing to drop: plans are DuckDB's, there are no
      // sequences, and the session's TEMP objects are the gateway's own catalog.
      if (discard.what().equals("ALL")) {
        if (transaction != TransactionStatus.IDLE) {
          throw new PlatformException(SqlState.ACTIVE_SQL_TRANSACTION, "DISCARD ALL cannot run inside a transaction block");
        }
        closeAllPortals();
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
    } else {
      commands.run(statement, command, describeRows);
      readOnlyTransactions.refresh();
    }
  }

  /** Rolls DuckDB's transaction back and begins it again, for a savepoint's replay or a change of mode. */
  private void restartEngineTransaction() {
    materializeOpenPortals();
    rollbackQuietly();
    engine.execute(parameters.get("transaction_read_only").equals("on") && transaction != TransactionStatus.IDLE
        ? "BEGIN TRANSACTION READ ONLY" : "BEGIN TRANSACTION");
  }

  private SavepointEmulation.Restarter savepointRestarter() {
    return new SavepointEmulation.Restarter() {
      @Override
      public void restartTransaction() {
        restartEngineTransaction();
      }

      @Override
      public void beforeReplay(SqlStatement statement) {
        ensureCatalogObjects(statement);
      }
    };
  }

  private void runTransactionControl(SessionCommand.TransactionControl control) {
    switch (control.kind()) {
      case BEGIN -> {
        if (implicitTransaction) {
          // As in PostgreSQL, BEGIN inside an implicit transaction makes it an explicit block.
          implicitTransaction = false;
          readOnlyTransactions.begin(control.modes());
          transaction = TransactionStatus.IN_BLOCK;
        } else if (transaction != TransactionStatus.IDLE) {
          ErrorReporter.notice(output.buffer(), "WARNING", SqlState.ACTIVE_SQL_TRANSACTION, "there is already a transaction in progress");
        } else {
          materializeOpenPortals();
          engine.execute(readOnlyTransactions.begin(control.modes()));
          savepoints.transactionStarted();
          transaction = TransactionStatus.IN_BLOCK;
        }
        BackendMessages.commandComplete(output.buffer(), control.tag());
      }
      case COMMIT -> {
        if (implicitTransaction) {
          closeTransactionPortals();
          commitImplicitTransaction();
          BackendMessages.commandComplete(output.buffer(), "COMMIT");
          return;
        }
        if (transaction == TransactionStatus.IDLE) {
          ErrorReporter.notice(output.buffer(), "WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
          BackendMessages.commandComplete(output.buffer(), "COMMIT");
          return;
        }
        boolean failed = transaction == TransactionStatus.FAILED;
        endTransaction(failed ? "ROLLBACK" : "COMMIT");
        BackendMessages.commandComplete(output.buffer(), failed ? "ROLLBACK" : "COMMIT");
      }
      case ROLLBACK -> {
        if (implicitTransaction) {
          closeTransactionPortals();
          abortImplicitTransaction();
        } else if (transaction == TransactionStatus.IDLE) {
          ErrorReporter.notice(output.buffer(), "WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, "there is no transaction in progress");
        } else {
          endTransaction("ROLLBACK");
        }
        BackendMessages.commandComplete(output.buffer(), "ROLLBACK");
      }
    }
  }

  // ---------------------------------------------------------------- SQL cursors

  /**
   * DECLARE: the query runs now and its rows wait in a named portal for FETCH. Like any open portal
   * it is read into memory when another statement needs the DuckDB connection.
   */
  private void declareCursor(SessionCommand.DeclareCursor declare, List<Object> values, List<Integer> declaredTypes) {
    if (!declare.hold() && transaction == TransactionStatus.IDLE && !implicitTransaction) {
      throw new PlatformException(SqlState.NO_ACTIVE_SQL_TRANSACTION, "DECLARE CURSOR can only be used in transaction blocks");
    }
    if (portals.containsKey(declare.name())) {
      throw new PlatformException(SqlState.DUPLICATE_CURSOR, "cursor \"" + declare.name() + "\" already exists");
    }
    materializeOpenPortals();
    guard(declare.query());
    PreparedQuery query = prepareClientQuery(declare.query(), declaredTypes);
    try {
      List<ResultColumn> columns = postgresNames(declare.query().sql(), query.columns());
      short[] formats = new short[columns.size()];
      java.util.Arrays.fill(formats, (short) (declare.binary() ? 1 : 0));
      List<FieldDescription> fields = describeColumns(columns, formats);
      QueryResult result;
      try (AdmissionControl.Turn turn = admit(declare.query())) {
        result = query.execute(values);
      }
      if (!(result instanceof QueryResult.Rows rows)) {
        throw new PlatformException(SqlState.INVALID_CURSOR_DEFINITION, "a cursor must be declared for a query that returns rows");
      }
      Portal cursor = new Portal(declare.name(), new PreparedPlan.DuckDb(declare.query(), query, declaredTypes, columns), values, fields, columns);
      cursor.declared(declare.hold());
      cursor.start(new ResultCursor(rows.stream(), engine, columnTypes(columns), formatsOf(fields), parameters.format()));
      portals.put(declare.name(), cursor);
      BackendMessages.commandComplete(output.buffer(), "DECLARE CURSOR");
    } catch (RuntimeException e) {
      query.close();
      throw e;
    }
  }

  /** The cursors DECLARE made in this session, for pg_cursors. */
  private List<PgCursors.Cursor> declaredCursors() {
    List<PgCursors.Cursor> cursors = new ArrayList<>();
    for (Portal portal : portals.values()) {
      if (portal.isDeclared()) {
        cursors.add(new PgCursors.Cursor(portal.name(), portal.plan().statement().sql(), portal.isHoldable(),
            portal.formats().length > 0 && portal.formats()[0] == 1, portal.createdAt()));
      }
    }
    return cursors;
  }

  /** FETCH writes the next rows of a cursor (with RowDescription in a simple query); MOVE skips them. */
  private void fetchCursor(SqlStatement statement, SessionCommand.FetchCursor fetch, boolean describeRows) {
    Portal cursor = portals.get(fetch.name());
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
      count = fetch.move() ? cursor.cursor().skipRows(fetch.count()) : cursor.cursor().writeRows(output, fetch.count());
      cursor.rowsSent(count);
    }
    BackendMessages.commandComplete(output.buffer(), (fetch.move() ? "MOVE " : "FETCH ") + count);
    audit(statement, count, "ok");
  }

  private void endTransaction(String sql) {
    closeTransactionPortals();
    transaction = TransactionStatus.IDLE;
    readOnlyTransactions.ended();
    notifications.transactionEnded(sql.equals("COMMIT"));
    engine.execute(sql);
    if (sql.equals("ROLLBACK")) {
      forgetRolledBackCatalog();
    }
    catalogObjectsUncommitted = false;
    functionMacros.committed();
  }

  /** The session's catalog objects were created in a transaction that rolled back: create them again when next needed. */
  private void forgetRolledBackCatalog() {
    functionMacros.rolledBack();
    if (catalogObjectsUncommitted) {
      catalogObjectsCreated = false;
      catalogObjectsUncommitted = false;
    }
  }

  private static boolean isTransactionExit(SessionCommand command) {
    return command instanceof SessionCommand.TransactionControl control
        && control.kind() != SessionCommand.TransactionControl.Kind.BEGIN
        || command instanceof SessionCommand.SavepointCommand savepoint
        && savepoint.action() == SessionCommand.SavepointCommand.Action.ROLLBACK_TO;
  }

  private void checkNotAborted(SqlStatement statement) {
    if (transaction != TransactionStatus.FAILED) {
      return;
    }
    String keyword = statement.keyword();
    if (keyword.equals("ROLLBACK") || keyword.equals("ABORT") || keyword.equals("COMMIT") || keyword.equals("END")) {
      return;
    }
    throw new PlatformException(
        SqlState.IN_FAILED_SQL_TRANSACTION, "current transaction is aborted, commands ignored until end of transaction block");
  }

  private void markFailed() {
    if (transaction == TransactionStatus.IN_BLOCK) {
      transaction = TransactionStatus.FAILED;
    }
  }

  /**
   * Opens PostgreSQL's implicit transaction around a statement outside any block: a multi-statement
   * simple query, or the extended-query messages up to the next Sync, succeed or fail together.
   */
  private void beginImplicitTransaction(SqlStatement statement) {
    if (transaction == TransactionStatus.IDLE && !implicitTransaction && !controlsTransactions(statement)) {
      engine.execute("BEGIN TRANSACTION");
      savepoints.transactionStarted();
      implicitTransaction = true;
    }
  }

  /** Commits the implicit transaction, if one is open. */
  private void commitImplicitTransaction() {
    if (implicitTransaction) {
      implicitTransaction = false;
      engine.execute("COMMIT");
      notifications.transactionEnded(true);
      catalogObjectsUncommitted = false;
      functionMacros.committed();
    }
  }

  /** Rolls back the implicit transaction after an error, if one is open. */
  private void abortImplicitTransaction() {
    if (implicitTransaction) {
      implicitTransaction = false;
      rollbackQuietly();
      notifications.transactionEnded(false);
    }
  }

  private void rollbackQuietly() {
    try {
      engine.execute("ROLLBACK");
    } catch (PlatformException e) {
      // DuckDB already ended the transaction with the failed statement; nothing to undo.
    }
    forgetRolledBackCatalog();
  }

  private ScheduledFuture<?> scheduleStatementTimeout() {
    long millis = parameters.statementTimeoutMillis();
    if (millis <= 0) {
      return null;
    }
    return services.timers().schedule(() -> engine.cancel(CancelReason.STATEMENT_TIMEOUT), millis, TimeUnit.MILLISECONDS);
  }

  // ---------------------------------------------------------------- descriptions

  /** Named from the client's own SQL, before the gateway's rewrites (which replace some calls by literals). */
  private List<ResultColumn> postgresNames(String sql, List<ResultColumn> columns) {
    return io.analytics.gateway.naming.PostgresColumnNames.apply(sql, columns, engine::parseTree);
  }

  private List<FieldDescription> describeColumns(List<ResultColumn> columns, short[] requestedFormats) {
    List<FieldDescription> fields = new ArrayList<>(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      ColumnType type = PgTypes.forDuckDbType(columns.get(i).duckDbType());
      short format = i < requestedFormats.length ? requestedFormats[i] : 0;
      if (format == 1 && !ColumnWriters.supportsBinary(type)) {
        format = 0;
      }
      fields.add(new FieldDescription(
          columns.get(i).name(), 0, (short) 0, type.type().oid(), type.type().typlen(), type.typmod(), format));
    }
    return fields;
  }

  private static List<ColumnType> columnTypes(List<ResultColumn> columns) {
    List<ColumnType> types = new ArrayList<>(columns.size());
    for (ResultColumn column : columns) {
      types.add(PgTypes.forDuckDbType(column.duckDbType()));
    }
    return types;
  }

  private static short[] formatsOf(List<FieldDescription> fields) {
    short[] formats = new short[fields.size()];
    for (int i = 0; i < formats.length; i++) {
      formats[i] = fields.get(i).format();
    }
    return formats;
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

  private Portal portal(String name) {
    Portal portal = portals.get(name);
    if (portal == null) {
      throw new PlatformException(
          SqlState.INVALID_CURSOR_NAME, name.isEmpty() ? "unnamed portal does not exist" : "portal \"" + name + "\" does not exist");
    }
    return portal;
  }

  private void closePortal(String name) {
    Portal portal = portals.remove(name);
    if (portal != null) {
      portal.close();
    }
  }

  private void closeAllPortals() {
    portals.values().forEach(Portal::close);
    portals.clear();
  }

  /**
   * A transaction's end closes its portals, except cursors declared WITH HOLD, which are read into
   * memory and stay for FETCH, as PostgreSQL keeps them.
   */
  private void closeTransactionPortals() {
    java.util.Iterator<Portal> open = portals.values().iterator();
    while (open.hasNext()) {
      Portal portal = open.next();
      if (portal.isHoldable()) {
        portal.materialize();
      } else {
        portal.close();
        open.remove();
      }
    }
  }

  /** DuckDB streams one result per connection: park suspended portals in memory first. */
  private void materializeOpenPortals() {
    for (Portal portal : portals.values()) {
      portal.materialize();
    }
  }

  /** Runs on the session's thread when a notification arrived: written now if the session is idle. */
  private void deliverNotificationsIfIdle() {
    if (!busy && transaction == TransactionStatus.IDLE && !implicitTransaction && !copy.isReceiving() && output.isOpen()) {
      writeNotifications();
      output.flush();
    }
  }

  private void writeNotifications() {
    for (io.analytics.gateway.notify.NotificationHub.Notification n : notifications.drainReceived()) {
      BackendMessages.notificationResponse(output.buffer(), n.processId(), n.channel(), n.payload());
    }
  }

  private void readyForQuery() {
    if (transaction == TransactionStatus.IDLE && notifications != null) {
      writeNotifications();
    }
    BackendMessages.readyForQuery(output.buffer(), transaction.indicator());
    output.flush();
    int idleLimit = services.config().gateway().limits().idleInTransactionTimeoutSeconds();
    if (idleLimit > 0 && transaction != TransactionStatus.IDLE) {
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
    if (auditedStatement != null) {
      audit(auditedStatement, 0, error.sqlState().code());
    }
    ErrorReporter.error(output.buffer(), error, positionOffset);
  }

  /** One audit line for the statement that ran last; the next one starts afresh. */
  private void audit(SqlStatement statement, long rows, String outcome) {
    long nanos = auditedStatement == statement ? System.nanoTime() - auditedStartNanos : 0;
    long millis = nanos / 1_000_000;
    if (statement != fingerprinted) {
      // A prepared statement executed again is the same object: its fingerprint is computed once.
      fingerprinted = statement;
      fingerprint = StatementFingerprint.of(statement);
    }
    services.audit().statement(user, clientAddress, fingerprint, rows, millis, outcome, refusedText);
    refusedText = null;
    services.metrics().statement(StatementKinds.of(statement), outcome, nanos, rows);
    if (outcome.equals("ok")) {
      services.statementStatistics().record(user, fingerprint, nanos / 1e6, rows);
    }
    long slow = services.config().gateway().observability().slowQueryMillis();
    if (slow > 0 && millis >= slow) {
      SLOW.warn("slow statement: {} ms, {} rows, outcome {}, user {}@{}: {}", millis, rows, outcome, user,
          clientAddress.getHostAddress(), fingerprint);
    }
    auditedStatement = null;
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void cancelRunningStatement() {
    services.metrics().cancellation();
    writeTurns.cancelWait();
    engine.cancel(CancelReason.USER_REQUEST);
  }

  @Override
  public void terminate() {
    engine.cancel(CancelReason.SHUTDOWN);
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
    String state = busy ? "active" : switch (transaction) {
      case IDLE -> "idle";
      case IN_BLOCK -> "idle in transaction";
      case FAILED -> "idle in transaction (aborted)";
    };
    return new io.analytics.gateway.activity.SessionActivity(processId(), database, user,
        parameters.get("application_name"), clientAddress.getHostAddress(), backendStart, null, queryStart, state, currentQuery);
  }

  /** The socket closed: stop the running statement now (called from Netty's event loop). */
  void clientGone() {
    engine.cancel(CancelReason.CLIENT_GONE);
  }

  void close() {
    writeTurns.transactionEnded();
    if (notifications != null) {
      notifications.close();
    }
    services.registry().unregister(key);
    copy.abort();
    closeAllPortals();
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
