package io.analytics.gateway.session;

import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.security.Role;
import io.analytics.gateway.security.StatementGuard;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.CancelReason;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.protocol.FrontendMessage;
import org.apache.arrow.memory.BufferAllocator;
import java.net.InetAddress;
import java.util.Map;

/**
 * The READY phase of a connection, a small dispatcher: it assembles the session's parts, hands a
 * Query to the {@link SimpleQueryHandler} and Parse/Bind/Describe/Execute/Close to the
 * {@link ExtendedQueryHandler}, ends an extended batch at Sync, reports errors and says
 * ReadyForQuery. Answers go to a {@link ResultReceiver}; transaction features live in
 * {@link TransactionFeatures}.
 */
final class Session implements CancelTarget, SimpleQueryHandler.Replies {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Session.class);

  private final GatewayServices services;
  private final BackendOutput output;
  private final ResultReceiver receiver;
  private final String user;
  private final String database;
  private final InetAddress clientAddress;
  private final BufferAllocator allocator;
  private final EngineSession engine;
  private final SessionParameters parameters;
  private final SessionCommands commands;
  private final ClientQueryPreparer preparer;
  private final java.time.Instant backendStart = java.time.Instant.now();
  private final StatementExecution execution;
  private final io.analytics.gateway.errors.ConstraintViolations violations;
  private final IdleTransactionTimer idleTimer;
  private final CopyHandler copy;
  private final PreparedStatements statements = new PreparedStatements();
  private final Portals portals = new Portals();
  private final StatementGuard statementGuard;
  private final SessionGuard sessionGuard;
  private final SimpleQueryHandler simpleQueries;
  private final ExtendedQueryHandler extendedQueries;
  private final java.util.concurrent.Executor serial;
  private volatile boolean busy;
  private SessionRegistry.KeyData key;
  private final TransactionFeatures features;
  private final TransactionState transactions;
  private boolean skippingUntilSync;
  private final io.analytics.gateway.cache.SessionResultCache resultCache;
  private MirroredSources mirroredSources;

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
    this.receiver = new WireReceiver(output);
    this.user = requireNonNull(user, "user is null");
    this.database = requireNonNull(database, "database is null");
    this.clientAddress = requireNonNull(clientAddress, "clientAddress is null");
    Role role = homeOwner ? io.analytics.gateway.auth.LocalPeer.ownerRole(services.config(), user) : Role.forLogin(services.config(), user);
    SessionTier tier = SessionTier.forRole(services, role);
    DuckDbDatabase instance = tier.database();
    // Result batches of this session are counted here and held to the per-query memory limit after
    // each batch (see ResultStream); the allocator itself is not capped, as Arrow leaks when a capped
    // allocator refuses an import half-way.
    this.allocator = services.instances().allocator().newChildAllocator("session", 0, Long.MAX_VALUE);
    this.engine = new EngineSession(instance.connect(), allocator, services.config().gateway().fetchBatchRows(),
        services.config().gateway().limits().queryMemoryBytes(), instance.parseTrees(), instance.catalogChanges(),
        instance.registeredFunctions());
    this.parameters = new SessionParameters(user, true, services.instances().replica());
    parameters.setSessionDefault("search_path", services.config().searchPath().forRole(role.name()));
    SearchPathRouting searchPathRouting = tier.routing();
    this.resultCache = new io.analytics.gateway.cache.SessionResultCache(services.statements().resultCache(), engine::parseTree, role.sqlName(), user);
    this.commands = new SessionCommands(this.parameters, this.engine, receiver,
        (pid, terminate) -> services.registry().signal(pid, user, role.administers(), terminate), searchPathRouting,
        this::explainLines);
    String sessionName = user + "@" + clientAddress.getHostAddress();
    this.execution = new StatementExecution(engine, services.timers(), services.statements().admission(),
        new StatementLog(services.monitoring().audit(), services.monitoring().metrics(), services.statements().statementStatistics(),
            services.config().gateway().observability().slowQueryMillis(),
            user, clientAddress),
        parameters::statementTimeoutMillis);
    this.idleTimer = new IdleTransactionTimer(output, services.timers(), serial,
        services.config().gateway().limits().idleInTransactionTimeoutSeconds(), sessionName);
    this.violations = new io.analytics.gateway.errors.ConstraintViolations(
        new io.analytics.gateway.errors.ConstraintCatalog(engine, instance::connect));
    this.copy = new CopyHandler(engine, receiver, services.statements().copyTempDir(), execution);
    this.preparer = new ClientQueryPreparer(engine, services.config(), services.home(),
        new SessionValueCalls.Values(parameters, database, user), database,
        () -> services.registry().activitiesVisibleTo(user, role.administers()), portals::declaredCursors,
        this::checkRewritten, services.statements().statementStatistics(), user, role.administers(), statement -> guard().rewriteNeedsCheck(statement));
    this.features = new TransactionFeatures(engine, receiver, parameters, portals, preparer,
        new WriteTurns(instance.writeOrder(), sessionName, parameters), tier.beforeStatement());
    this.transactions = features.transactions();
    this.statementGuard = new StatementGuard(role, services.home().dataDir(), new SessionCatalogLookup(engine),
        () -> SessionGuard.firstSchemaOnSearchPath(parameters));
    this.sessionGuard = new SessionGuard(statementGuard, services.instances().replica(), execution, user, clientAddress, features::beforeRoleCheck,
        this::withMirrorNames);
    SessionContext context = new SessionContext(receiver, engine, parameters, commands, execution, transactions, portals,
        statements, preparer, sessionGuard);
    StatementRunner runner = new StatementRunner(context, features);
    this.simpleQueries = new SimpleQueryHandler(context, runner, copy, services.statements().lakeRefresh(), this, resultCache);
    this.extendedQueries = new ExtendedQueryHandler(context, runner, new ResultShapes(engine), services.statements().lakeRefresh(),
        new PortalResultCache(resultCache, context));
  }

  private java.util.List<String> explainLines(String sql) {
    return resultCache.explainLines(sql, transactions.status() != TransactionStatus.IDLE, parameters::all);
  }

  /** The client's schema-qualified names as DuckDB holds them (public is main; sources: see SourceTableNames). */
  private String withMirrorNames(String sql) {
    if (mirroredSources == null) {
      mirroredSources = MirroredSources.of(services.config(), engine);
    }
    try {
      return mirroredSources.rewrite(sql);
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
    StartupParameters.apply(startupParameters, commands, parameters, sessionGuard.role(),
        services.config().gateway().limits().defaultStatementTimeoutMillis());
    key = services.registry().register(this, user);
    features.notificationsStarted(new io.analytics.gateway.notify.SessionNotifications(
        services.statements().notifications(), key.processId(), serial::execute, this::deliverNotificationsIfIdle));
    // The session's process id, for pg_backend_pid() and joins with pg_stat_activity.pid.
    engine.execute("CREATE OR REPLACE TEMP MACRO pg_backend_pid() AS " + key.processId());
    io.analytics.gateway.dialect.PostgresDialectSettings.apply(engine);
    SessionGreeting.greet(receiver, parameters.reportedValues(), key.processId(), key.secretKey());
    readyForQuery();
  }

  /** Handles one message; returns false when the client asked to terminate. */
  boolean handle(FrontendMessage message) {
    idleTimer.messageArrived();
    busy = true;
    try {
      return dispatch(message);
    } finally {
      busy = false;
      if (!transactions.isOpen() && !copy.isReceiving()) {
        features.idle();
      }
    }
  }

  /** A Query answered from memory without leaving the caller's thread, when idle; false to take the usual path. */
  boolean answerFromMemory(String sql) {
    if (copy.isReceiving() || skippingUntilSync || transactions.isOpen() || transactions.status() != TransactionStatus.IDLE) {
      return false;
    }
    busy = true;
    try {
      if (!simpleQueries.answerFromMemory(sql)) {
        return false;
      }
    } finally {
      busy = false;
    }
    readyForQuery();
    return true;
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
        receiver.flush();
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

  @Override
  public void error(RuntimeException e) {
    reportError(e, 0);
  }

  @Override
  public void readyForQuery() {
    if (transactions.status() == TransactionStatus.IDLE) {
      features.deliverNotifications();
    }
    receiver.readyForQuery(transactions.status());
    idleTimer.ready(transactions.status());
  }

  @Override
  public void copiedIn() {
    features.copiedIn();
  }

  /** Runs on the session's thread when a notification arrived: written now if the session is idle. */
  private void deliverNotificationsIfIdle() {
    if (!busy && !transactions.isOpen() && !copy.isReceiving() && output.isOpen()) {
      features.deliverNotifications();
      receiver.flush();
    }
  }

  private void reportError(RuntimeException e, int positionOffset) {
    PlatformException error = violations.explain(ErrorReporter.toPlatform(e), execution.currentStatement());
    error = features.statementFailed(error);
    execution.failed(error);
    receiver.error(error, positionOffset);
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void cancelRunningStatement() {
    services.monitoring().metrics().cancellation();
    features.cancelWait();
    execution.cancel(CancelReason.USER_REQUEST);
  }

  @Override
  public void terminate() {
    execution.cancel(CancelReason.SHUTDOWN);
    serial.execute(() -> {
      receiver.fatal(new PlatformException(SqlState.ADMIN_SHUTDOWN, CancelReason.SHUTDOWN.message()));
    });
  }

  @Override
  public boolean isBusy() {
    return busy;
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
    features.close();
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
