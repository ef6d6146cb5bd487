package io.analytics.gateway.session;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.security.Role;
import io.analytics.gateway.security.StatementGuard;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.CancelReason;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.protocol.BackendMessages;
import io.analytics.gateway.protocol.FrontendMessage;
import io.analytics.gateway.sql.SqlStatement;
import org.apache.arrow.memory.BufferAllocator;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The READY phase of a connection: answers simple and extended queries, keeps prepared statements,
 * portals, the transaction status and session parameters, as PostgreSQL does.
 */
final class Session implements CancelTarget, TransactionState.Listener, SimpleQueryHandler.Replies, StatementRunner.Hooks {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);

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
  private final SearchPathRouting searchPathRouting;
  private final ClientQueryPreparer preparer;
  private final java.time.Instant backendStart = java.time.Instant.now();
  private final StatementExecution execution;

  /** Counts messages, so that an idle timer can tell whether the client spoke since it was set. */
  private long messagesHandled;
  private ScheduledFuture<?> idleTimer;
  private final CopyHandler copy;
  private final PreparedStatements statements = new PreparedStatements();
  private final Portals portals = new Portals();
  private final SessionGuard sessionGuard;
  private final SimpleQueryHandler simpleQueries;
  private final ExtendedQueryHandler extendedQueries;
  private final java.util.concurrent.Executor serial;
  private volatile boolean busy;
  private SessionRegistry.KeyData key;
  private final TransactionState transactions;
  private boolean skippingUntilSync;
  private StatementGuard statementGuard;
  private java.util.Map<String, java.util.List<String>> mirroredSources;
  private final io.analytics.gateway.cache.SessionResultCache resultCache;
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
    this.parameters = new SessionParameters(user, true, services.replica());
    parameters.setSessionDefault("search_path", services.config().searchPath().forRole(role.name()));
    // The gold tier is a plain in-memory instance with just the gold views, on replicas too.
    this.searchPathRouting = goldTier ? SearchPathRouting.DIRECT : services.searchPathRouting();
    this.resultCache = new io.analytics.gateway.cache.SessionResultCache(services.resultCache(), engine::parseTree, role.sqlName(), user);
    this.commands = new SessionCommands(this.parameters, this.engine, output,
        (pid, terminate) -> services.registry().signal(pid, user, role.administers(), terminate), searchPathRouting,
        this::explainLines);
    this.savepoints = new SavepointEmulation(engine);
    this.readOnlyTransactions = new ReadOnlyTransactions(parameters);
    this.writeTurns = new WriteTurns(instance.writeOrder(), user + "@" + clientAddress.getHostAddress(), parameters);
    this.shapes = new ResultShapes(this.engine);
    this.execution = new StatementExecution(engine, services.timers(), services.admission(),
        new StatementLog(services.audit(), services.metrics(), services.statementStatistics(),
            services.config().gateway().observability().slowQueryMillis(),
            user, clientAddress),
        parameters::statementTimeoutMillis);
    this.copy = new CopyHandler(engine, output, services.copyTempDir(), execution);
    this.transactions = new TransactionState(engine, this);
    this.preparer = new ClientQueryPreparer(engine, services.config(), services.home(),
        new SessionValueCalls.Values(parameters, database, user), database, this::visibleActivities, portals::declaredCursors,
        this::checkRewritten, services.statementStatistics(), user, role.administers(), statement -> guard().rewriteNeedsCheck(statement));
    this.statementGuard = new StatementGuard(role, services.home().dataDir(), new SessionCatalogLookup(engine),
        () -> SessionGuard.firstSchemaOnSearchPath(parameters));
    this.sessionGuard = new SessionGuard(statementGuard, services.replica(), execution, user, clientAddress, this::beforeRoleCheck,
        this::withMirrorNames);
    StatementRunner runner = new StatementRunner(output, engine, parameters, commands, execution, transactions, portals,
        statements, preparer, sessionGuard, this);
    this.simpleQueries = new SimpleQueryHandler(output, runner, sessionGuard, transactions, portals, preparer, copy, parameters,
        services.lakeRefresh(), this, resultCache, execution);
    this.extendedQueries = new ExtendedQueryHandler(output, runner, sessionGuard, transactions, portals, statements, preparer,
        shapes, parameters, commands, services.lakeRefresh());
  }

  private java.util.List<String> explainLines(String sql) {
    return resultCache.explainLines(sql, transactions.status() != TransactionStatus.IDLE, parameters::all);
  }

  /** Read-only transactions refuse writes, and a writing statement waits for its write turn, before the role guard runs. */
  private void beforeRoleCheck(SqlStatement statement) {
    readOnlyTransactions.check(statement);
    if (!extendedQueries.isParsing()) {
      writeTurns.beforeRunning(statement);
    }
  }

  @Override
  public void beforeRunning(SqlStatement statement) {
    if (writeTurns.beforeRunning(statement) && transactions.isOpen()) {
      restartEngineTransaction();
    }
  }

  @Override
  public void executed(SqlStatement statement, io.analytics.engine.session.PreparedQuery query, java.util.List<Object> values,
      io.analytics.engine.session.QueryResult result) {
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
      transactions.recoveredBySavepoint();
      BackendMessages.commandComplete(output.buffer(), savepoint.action().tag());
    } else if (NotificationStatements.run(command, notifications, transactions.isOpen())) {
      BackendMessages.commandComplete(output.buffer(), NotificationStatements.tag(command));
    } else if (command instanceof SessionCommand.SetTransaction set) {
      String warning = readOnlyTransactions.set(set, transactions.status() != TransactionStatus.IDLE, this::restartEngineTransaction);
      if (warning != null) {
        ErrorReporter.notice(output.buffer(), "WARNING", SqlState.NO_ACTIVE_SQL_TRANSACTION, warning);
      }
      BackendMessages.commandComplete(output.buffer(), "SET");
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

  @Override
  public void copiedIn() {
    savepoints.unreplayable("COPY FROM STDIN");
  }

  /** Runs on the session's thread when a notification arrived: written now if the session is idle. */
  private void deliverNotificationsIfIdle() {
    if (!busy && !transactions.isOpen() && !copy.isReceiving() && output.isOpen()) {
      writeNotifications();
      output.flush();
    }
  }

  private void writeNotifications() {
    for (io.analytics.gateway.notify.NotificationHub.Notification n : notifications.drainReceived()) {
      BackendMessages.notificationResponse(output.buffer(), n.processId(), n.channel(), n.payload());
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

  /** The text DuckDB is about to run after the gateway's rewrites is checked again, as exactly that text. */
  private void checkRewritten(String sql) {
    sessionGuard.checkRewritten(sql);
  }

  private StatementGuard guard() {
    return statementGuard;
  }

  /** The login's role, decided once when the session opened. */
  Role role() {
    return sessionGuard.role();
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
    if (defaultTimeout > 0 && !sessionGuard.role().administers()) {
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
    if (sessionGuard.role() == Role.APP) {
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
      if (!transactions.isOpen() && !copy.isReceiving()) {
        writeTurns.transactionEnded();
      }
    }
  }

  private boolean dispatch(FrontendMessage message) {
    try {
      if (simpleQueries.isReceivingCopy()) {
        return simpleQueries.handleDuringCopyIn(message);
      }
      if (message instanceof FrontendMessage.Query query) {
        simpleQueries.query(query.sql());
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
        extendedQueries.handle(message);
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

  // ---------------------------------------------------------------- extended query

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

  // ---------------------------------------------------------------- SQL cursors

  // ---------------------------------------------------------------- descriptions

  // ---------------------------------------------------------------- objects

  /** A transaction ends: its portals close, except cursors declared WITH HOLD. */
  @Override
  public void ending() {
    portals.closeTransactionPortals();
  }

  @Override
  public void ended(boolean committed) {
    preparer.transactionEnded(committed);
  }

  @Override
  public void error(RuntimeException e) {
    reportError(e, 0);
  }

  @Override
  public void readyForQuery() {
    if (transactions.status() == TransactionStatus.IDLE && notifications != null) {
      writeNotifications();
    }
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
    writeTurns.cancelWait();
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
      boolean mine = activity.user().equals(user) || sessionGuard.role().administers();
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
    writeTurns.transactionEnded();
    if (notifications != null) {
      notifications.close();
    }
    services.registry().unregister(key);
    copy.abort();
    portals.closeAll();
    statements.closeAll();
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
