package io.analytics.gateway.server;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.ServingInstance;
import io.analytics.catalog.home.HomePermissions;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetCommitter;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.gateway.activity.StatementStatistics;
import io.analytics.gateway.admission.AdmissionControl;
import io.analytics.gateway.audit.AuditFile;
import io.analytics.gateway.audit.AuditLog;
import io.analytics.gateway.auth.AuthenticatorFactory;
import io.analytics.gateway.auth.ServerSecret;
import io.analytics.gateway.cache.LakeVersions;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.notify.LakeCommitNotifier;
import io.analytics.gateway.notify.MirrorSyncNotifier;
import io.analytics.gateway.notify.NotificationHub;
import io.analytics.gateway.replica.ReplicaSearchPath;
import io.analytics.gateway.replica.ReplicaWarehouse;
import io.analytics.gateway.session.GatewayServices;
import io.analytics.gateway.session.LoginServices;
import io.analytics.gateway.session.Monitoring;
import io.analytics.gateway.session.SearchPathRouting;
import io.analytics.gateway.session.ServingInstances;
import io.analytics.gateway.session.SessionRegistry;
import io.analytics.gateway.session.SessionTier;
import io.analytics.gateway.session.StatementServices;
import io.analytics.gateway.status.StatusHistory;
import io.analytics.gateway.tls.ServerTls;
import io.analytics.iceberg.external.ExternalIcebergViews;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL-wire gateway: wires the parts a home is served with (its DuckDB instances, the
 * lake's views, the services sessions share, the client sockets, the status endpoint and the
 * background jobs), starts them, and shuts them down in order.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);
  /** Staging folders of pipelines that never reached their commit are removed after this long. */
  private static final long ABANDONED_STAGING_MILLIS = 6 * 3600 * 1000L;

  private final PlatformConfig config;
  private final PlatformHome home;
  private final ServingDatabases databases;
  private final BufferAllocator allocator = new RootAllocator();
  private final SessionRegistry registry;
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, NamedThreads.daemons("timer"));
  private final ClientListeners listeners = new ClientListeners();
  private final GatewayServices services;
  private final StatusEndpoints status;
  private final BackgroundJobs jobs;
  /** Attached external Iceberg tables, re-planned before each statement when their snapshot moved. */
  private final ExternalIcebergViews icebergViews;
  private final AtomicBoolean stopping = new AtomicBoolean();

  /** @param replica the read replica's hold on the warehouse, or null for the gateway that owns it */
  private GatewayServer(PlatformConfig config, PlatformHome home, DuckDbDatabase database, ReplicaWarehouse replica) {
    this.config = requireNonNull(config, "config is null");
    this.home = requireNonNull(home, "home is null");
    this.registry = new SessionRegistry(config.gateway().limits().cancelRequestsPerSecond());
    // A pipeline killed mid-commit left a journal: finish its batch before anyone reads the lake.
    int completed = new DatasetCommitter(home, CommitHooks.NONE).recover(ABANDONED_STAGING_MILLIS);
    if (completed > 0) {
      LOG.info("completed {} lake commit(s) interrupted by a crash", completed);
    }
    SourceSynchronizer synchronizer = new SourceSynchronizer(database, config.duckdb());
    this.databases = ServingDatabases.open(home, config, database, replica, synchronizer);
    LakeVersions lakeVersions = new LakeVersions();
    NotificationHub notifications = new NotificationHub();
    LakeCommitNotifier lakeCommits = new LakeCommitNotifier(notifications);
    LakeRefresher lake = new LakeRefresher(home, databases.writerViews, followerViews(),
        lakeVersions, lakeCommits::refreshed);
    lake.refreshNow();
    this.icebergViews = new ExternalIcebergViews(home, database);
    GatewayMetrics metrics = new GatewayMetrics();
    this.services = new GatewayServices(config, home, registry, timers, logins(),
        instances(),
        new StatementServices(
            new AdmissionControl(config.gateway().limits().maxConcurrentQueries(),
                config.gateway().limits().queryQueueTimeoutMillis(), metrics::queued),
            ResultCaches.create(config.gateway().resultCache(), lakeVersions, database, metrics),
            new StatementStatistics(),
            notifications,
            replica == null ? () -> { lake.run(); icebergViews.refresh(); } : lake, databases.copyDir),
        new Monitoring(new AuditLog(), metrics));
    this.status = new StatusEndpoints(services);
    status.registerGauges();
    // Each replica process keeps its own audit file: one rolling file cannot have several writers.
    AuditFile.install(home.warehouseDir().resolve("logs")
        .resolve(replica == null ? "audit.jsonl" : "audit-replica-" + replica.id() + ".jsonl"));
    // The warehouse file, the audit log and the spool were just created with the umask's modes.
    HomePermissions.restrict(home);
    SourceSyncScheduler sourceSync = replica == null ? new SourceSyncScheduler(home, config, synchronizer, database,
        new MirrorSyncNotifier(notifications, new io.analytics.gateway.notify.MirrorSyncLog(database, home,
            config.gateway().replication().leaseSeconds() * 1000L))) : null;
    io.analytics.gateway.notify.ReplicaMirrorSyncs replicaMirrorSyncs = replica == null ? null
        : new io.analytics.gateway.notify.ReplicaMirrorSyncs(notifications, database, io.analytics.engine.replica.AttachedSnapshot.CATALOG);
    if (sourceSync != null) {
      sourceSync.registerGauges(metrics);
    }
    this.jobs = new BackgroundJobs(home, config, databases, lake, lakeCommits, sourceSync, replicaMirrorSyncs);
    // Writers' sessions share this instance: from here on no client changes an engine-wide setting of it.
    io.analytics.gateway.dialect.LockedConfiguration.lockKeepingSessionTimeZone(database);
  }

  /** The lake's views in the instances beside the writer's: the gold tier's (gold only) and the readers'. */
  private List<io.analytics.engine.lake.LakeViewCatalog> followerViews() {
    List<io.analytics.engine.lake.LakeViewCatalog> followers = new ArrayList<>();
    followers.add(databases.goldTier.lakeViews());
    if (databases.readerTier != null) {
      followers.add(databases.readerTier.lakeViews());
    }
    return followers;
  }

  private LoginServices logins() {
    return new LoginServices(new AuthenticatorFactory(config, new SecureRandom(),
            ServerSecret.load(home.configDir().resolve("server.secret"), new SecureRandom())),
        ServerTls.load(config.gateway().tls(), home.root()));
  }

  private ServingInstances instances() {
    boolean isReplica = databases.replica != null;
    return new ServingInstances(databases.writer, databases.goldTier.sessionTier(), allocator, isReplica,
        isReplica ? new ReplicaSearchPath() : SearchPathRouting.DIRECT,
        databases.readerTier == null ? null : new SessionTier(databases.readerTier.database(),
            new ReplicaSearchPath(io.analytics.gateway.replica.ReaderTier.LAKE_CATALOG), databases.readerTier::beforeStatement));
  }

  /** The services sessions share, for tests of how the instances are walled. */
  GatewayServices services() {
    return services;
  }

  /** The port of the /metrics and /health endpoint, or -1 when it is off. */
  public int metricsPort() {
    return status.port();
  }

  /** Opens the home's warehouse and exposes its lake; call {@link #start()} to listen. */
  public static GatewayServer forHome(PlatformHome home, PlatformConfig config) {
    home.ensureLayout();
    DuckDbDatabase database = DuckDbDatabase.openWarehouse(home, config.servingDuckDb(ServingInstance.WRITERS));
    try {
      return new GatewayServer(config, home, database, null);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * A read replica of the home: the lake and the warehouse's latest published snapshot in a
   * read-only DuckDB instance of its own, without opening the warehouse file, so any number of replicas run
   * beside the gateway that owns it. Writes are refused with 25006. Call {@link #start()} to listen.
   */
  public static GatewayServer forReplica(PlatformHome home, PlatformConfig config) {
    home.ensureLayout();
    ReplicaWarehouse replica = ReplicaWarehouse.open(home, config);
    try {
      return new GatewayServer(config, home, replica.database(), replica);
    } catch (RuntimeException e) {
      replica.database().close();
      replica.close();
      throw e;
    }
  }

  /** Binds the configured address and port; returns the bound address (port 0 picks a free one). */
  public InetSocketAddress start() throws InterruptedException {
    InetSocketAddress bound = listeners.listen(home, config.gateway(), services);
    LOG.info("listening on {}:{} (lake: {}{})", bound.getHostString(), bound.getPort(), home.root(),
        databases.replica == null ? "" : "; read replica serving warehouse snapshot " + databases.replica.snapshotSequence());
    status.start(stopping::get);
    jobs.start(bound);
    return bound;
  }

  /** The status page's history, or null when no metrics port is open (tests take a sample with it). */
  public StatusHistory statusHistory() {
    return status.history();
  }

  /** The Postgres sources' syncing: at start, on their interval, and on request; null on a replica. */
  public SourceSyncScheduler sourceSync() {
    return jobs.sourceSync();
  }

  /** Sessions that are open now (authenticated and not yet closed). */
  public int activeSessions() {
    return registry.size();
  }

  /** Bytes of Arrow memory held now by all result batches; bounded by streaming, not result size. */
  public long arrowBytesAllocated() {
    return allocator.getAllocatedMemory();
  }

  /**
   * Stops accepting connections, gives running statements {@code grace} to finish, then ends the
   * remaining sessions with 57P01 and releases everything.
   */
  public void shutdown(long graceMillis) {
    if (!stopping.compareAndSet(false, true)) {
      return;
    }
    listeners.stopAccepting();
    status.close();
    SessionDrain.drain(registry, graceMillis);
    listeners.closeConnections();
    timers.shutdownNow();
    icebergViews.close();
    jobs.close();
    listeners.closeEventLoops();
    databases.close();
    try {
      allocator.close();
    } catch (IllegalStateException e) {
      LOG.warn("Arrow memory still allocated at shutdown: {}", e.getMessage());
    }
  }

  @Override
  public void close() {
    shutdown(config.gateway().shutdownGraceSeconds() * 1000L);
  }
}
