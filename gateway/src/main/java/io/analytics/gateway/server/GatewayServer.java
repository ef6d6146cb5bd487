package io.analytics.gateway.server;

import io.analytics.gateway.admission.AdmissionControl;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetCommitter;
import io.analytics.engine.lake.LakeViews;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.engine.replica.ReplicaFeed;
import io.analytics.engine.replica.SnapshotPublisher;
import io.analytics.gateway.replica.Periodic;
import io.analytics.gateway.replica.ReaderTier;
import io.analytics.gateway.replica.ReplicaSearchPath;
import io.analytics.gateway.replica.ReplicaWarehouse;
import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.gateway.audit.AuditFile;
import io.analytics.gateway.metrics.GatewayMetrics;
import io.analytics.gateway.metrics.MetricsEndpoint;
import io.analytics.gateway.audit.AuditLog;
import io.analytics.gateway.auth.AuthenticatorFactory;
import io.analytics.gateway.tls.ServerTls;
import io.analytics.gateway.protocol.FrontendMessageDecoder;
import io.analytics.gateway.session.CancelTarget;
import io.analytics.gateway.session.GatewayServices;
import io.analytics.gateway.session.LoginServices;
import io.analytics.gateway.session.Monitoring;
import io.analytics.gateway.session.ServingInstances;
import io.analytics.gateway.session.StatementServices;
import io.analytics.gateway.session.SearchPathRouting;
import io.analytics.gateway.session.SessionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL-wire gateway: owns the listening socket, the DuckDB instance, the Arrow allocator
 * and the worker threads, and shuts them down in order.
 */
public final class GatewayServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(GatewayServer.class);

  private final PlatformConfig config;
  private final PlatformHome home;
  private final DuckDbDatabase database;
  private final BufferAllocator allocator = new RootAllocator();
  private final SessionRegistry registry;
  private final ExecutorService workers = Executors.newCachedThreadPool(namedThreads("session"));
  private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, namedThreads("timer"));
  private final EventLoopGroup bossGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
  private final EventLoopGroup ioGroup = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
  private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
  private LocalSocketListener localSocket;
  private io.analytics.gateway.status.StatusHistory statusHistory;
  private final GatewayServices services;
  private final DuckDbDatabase goldTier;
  /** Null on a replica, whose instance is a read-only snapshot already. */
  private final ReaderTier readerTier;
  /** Null on a replica; the writer's, shared by the readers' tier and the replicas' feed. */
  private final SnapshotPublisher publisher;
  private final GatewayMetrics metrics = new GatewayMetrics();
  private MetricsEndpoint metricsEndpoint;
  /** Null when this gateway owns the warehouse. */
  private final ReplicaWarehouse replica;
  /** Null for a replica, which syncs no source: it serves the mirrors the writer's snapshot holds. */
  private final SourceSyncScheduler sourceSync;
  private final Path copyDir;
  /** Publishes snapshots for replicas (the writer) or follows them (a replica), once started. */
  private volatile Periodic replication;
  private final LakeRefresher lake;
  private final io.analytics.gateway.notify.LakeCommitNotifier lakeCommits;
  /** On a replica, announces the writer's mirror syncs each newer snapshot brings; null on the writer. */
  private final io.analytics.gateway.notify.ReplicaMirrorSyncs replicaMirrorSyncs;
  /** Looks for lake commits between statements while a session listens for them; once started. */
  private volatile Periodic lakeWatch;
  private static final long LAKE_WATCH_MILLIS = 250;
  private Channel serverChannel;
  /** Staging folders of pipelines that never reached their commit are removed after this long. */
  private static final long ABANDONED_STAGING_MILLIS = 6 * 3600 * 1000L;
  /** Attached external Iceberg tables, re-planned before each statement when their snapshot moved. */
  private final io.analytics.iceberg.external.ExternalIcebergViews icebergViews;
  private final java.util.concurrent.atomic.AtomicBoolean stopping = new java.util.concurrent.atomic.AtomicBoolean();

  /** @param replica the read replica's hold on the warehouse, or null for the gateway that owns it */
  private GatewayServer(PlatformConfig config, PlatformHome home, DuckDbDatabase database, ReplicaWarehouse replica) {
    this.config = requireNonNull(config, "config is null");
    this.home = requireNonNull(home, "home is null");
    this.database = requireNonNull(database, "database is null");
    this.replica = replica;
    this.registry = new SessionRegistry(config.gateway().limits().cancelRequestsPerSecond());
    // A pipeline killed mid-commit left a journal: finish its batch before anyone reads the lake.
    int completed = new DatasetCommitter(home, CommitHooks.NONE).recover(ABANDONED_STAGING_MILLIS);
    if (completed > 0) {
      LOG.info("completed {} lake commit(s) interrupted by a crash", completed);
    }
    SourceSynchronizer synchronizer = new SourceSynchronizer(database, config.duckdb());
    if (replica == null) {
      this.copyDir = prepareCopyDir(home);
      synchronizer.attachBeforeLockdown(config.sources());
      // Client SQL runs in this instance: from here on it sees only the lake and the COPY spool
      // (where the writer's snapshots for replicas are copied before they are renamed into place).
      java.util.List<Path> readable = new java.util.ArrayList<>(java.util.List.of(home.dataDir(), copyDir));
      readable.addAll(io.analytics.iceberg.external.ExternalIcebergViews.readableDirectories(home));
      database.restrictFileAccess(readable);
    } else {
      this.copyDir = replica.copyDir();
      // A replica's instance sees only the lake and the published snapshots, which it attaches read-only.
      database.restrictFileAccess(java.util.List.of(home.dataDir(), home.snapshotsDir()));
    }
    // Role app gets an instance of its own that holds only the gold layer's views and can read only
    // its folder, so nothing else is visible to it, whatever the SQL.
    // Its spill folder is its own: DuckDB adds an instance's temp directory to its allowed_directories,
    // so a shared one would let app read the COPY spool and the other instance's spill files.
    Path goldSpill = replica != null ? replica.spillDir("gold")
        : config.servingDuckDb().tempDirectory() != null ? Path.of(config.servingDuckDb().tempDirectory()).resolve("gold-tier")
        : home.warehouseDir().resolve("spill-gold");
    this.goldTier = DuckDbDatabase.inMemory(
        config.servingDuckDb(io.analytics.catalog.config.ServingInstance.APP).withTempDirectory(null), goldSpill);
    goldTier.restrictFileAccess(java.util.List.of(home.layerDir(Layer.GOLD)));
    database.cacheParquetMetadata();
    goldTier.cacheParquetMetadata();
    io.analytics.gateway.dialect.LockedConfiguration.lock(goldTier);
    java.util.List<LakeViews> followers = new java.util.ArrayList<>();
    followers.add(new LakeViews(goldTier, new LakeScanner(home), java.util.Set.of(Layer.GOLD)));
    // Read-only roles run on an instance that holds the warehouse as a READ_ONLY snapshot (see ReaderTier).
    this.publisher = replica == null ? new SnapshotPublisher(home, database, copyDir) : null;
    this.readerTier = replica == null ? ReaderTier.open(home, config, publisher) : null;
    if (readerTier != null) {
      followers.add(new LakeViews(readerTier.database(), new LakeScanner(home)));
    }
    io.analytics.gateway.cache.LakeVersions lakeVersions = new io.analytics.gateway.cache.LakeVersions();
    io.analytics.gateway.notify.NotificationHub notifications = new io.analytics.gateway.notify.NotificationHub();
    this.lakeCommits = new io.analytics.gateway.notify.LakeCommitNotifier(notifications);
    this.lake = new LakeRefresher(home, new LakeViews(database, new LakeScanner(home)), followers, lakeVersions,
        lakeCommits::refreshed);
    lake.refreshNow();
    this.icebergViews = new io.analytics.iceberg.external.ExternalIcebergViews(home, database);
    this.services = new GatewayServices(config, home, registry, timers,
        new LoginServices(new AuthenticatorFactory(config, new SecureRandom(),
                io.analytics.gateway.auth.ServerSecret.load(home.configDir().resolve("server.secret"), new SecureRandom())),
            ServerTls.load(config.gateway().tls(), home.root())),
        new ServingInstances(database, goldTier, allocator, replica != null,
            replica == null ? SearchPathRouting.DIRECT : new ReplicaSearchPath(),
            readerTier == null ? null : new io.analytics.gateway.session.SessionTier(readerTier.database(),
                new ReplicaSearchPath(), readerTier::beforeStatement)),
        new StatementServices(
            new AdmissionControl(config.gateway().limits().maxConcurrentQueries(),
                config.gateway().limits().queryQueueTimeoutMillis(), metrics::queued),
            ResultCaches.create(config.gateway().resultCache(), lakeVersions, database, metrics),
            new io.analytics.gateway.activity.StatementStatistics(),
            notifications,
            replica == null ? () -> { lake.run(); icebergViews.refresh(); } : lake, copyDir),
        new Monitoring(new AuditLog(), metrics));
    registerGauges();
    // Each replica process keeps its own audit file: one rolling file cannot have several writers.
    AuditFile.install(home.warehouseDir().resolve("logs")
        .resolve(replica == null ? "audit.jsonl" : "audit-replica-" + replica.id() + ".jsonl"));
    // The warehouse file, the audit log and the spool were just created with the umask's modes.
    io.analytics.catalog.home.HomePermissions.restrict(home);
    this.sourceSync = replica == null ? new SourceSyncScheduler(home, config, synchronizer, database,
        new io.analytics.gateway.notify.MirrorSyncNotifier(notifications, new io.analytics.gateway.notify.MirrorSyncLog(database, home,
            config.gateway().replication().leaseSeconds() * 1000L))) : null;
    this.replicaMirrorSyncs = replica == null ? null : new io.analytics.gateway.notify.ReplicaMirrorSyncs(notifications, database,
        io.analytics.engine.replica.AttachedSnapshot.CATALOG);
    if (sourceSync != null) {
      sourceSync.registerGauges(metrics);
    }
  }

  /** The services sessions share, for tests of how the instances are walled. */
  GatewayServices services() {
    return services;
  }

  private void registerGauges() {
    metrics.gauge("gateway.sessions", "Open sessions", registry, SessionRegistry::size);
    metrics.gauge("gateway.arrow.memory", "Bytes of Arrow memory held by result batches", allocator, a -> a.getAllocatedMemory());
    metrics.gauge("gateway.admission.queued", "Statements waiting for their turn", services.statements().admission(), AdmissionControl::queued);
    metrics.gauge("duckdb.memory", "Bytes DuckDB's buffer manager holds", database, d -> duckDbMemory(d, "memory_usage_bytes"));
    metrics.gauge("duckdb.temp.storage", "Bytes DuckDB has spilled to its temp directory", database,
        d -> duckDbMemory(d, "temporary_storage_bytes"));
  }

  private static double duckDbMemory(DuckDbDatabase database, String column) {
    try (java.sql.Connection connection = database.connect();
        java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT sum(" + column + ") FROM duckdb_memory()")) {
      return rows.next() ? rows.getDouble(1) : Double.NaN;
    } catch (java.sql.SQLException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** Ready when DuckDB answers a query and the lake's folder can be read. */
  private boolean ready() {
    if (!Files.isReadable(home.dataDir()) || stopping.get()) {
      return false;
    }
    try (java.sql.Connection connection = database.connect();
        java.sql.ResultSet rows = connection.createStatement().executeQuery("SELECT 1")) {
      return rows.next();
    } catch (java.sql.SQLException | RuntimeException e) {
      return false;
    }
  }

  /** The port of the /metrics and /health endpoint, or -1 when it is off. */
  public int metricsPort() {
    return metricsEndpoint == null ? -1 : metricsEndpoint.port();
  }

  /** Opens the home's warehouse and exposes its lake; call {@link #start()} to listen. */
  public static GatewayServer forHome(PlatformHome home, PlatformConfig config) {
    home.ensureLayout();
    DuckDbDatabase database = DuckDbDatabase.openWarehouse(home,
        config.servingDuckDb(io.analytics.catalog.config.ServingInstance.WRITERS));
    try {
      return new GatewayServer(config, home, database, null);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  /**
   * A read replica of the home: the lake and the warehouse's latest published snapshot in an
   * in-memory DuckDB instance, without opening the warehouse file, so any number of replicas run
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
    ServerBootstrap bootstrap =
        new ServerBootstrap()
            .group(bossGroup, ioGroup)
            .channel(NioServerSocketChannel.class)
            .option(ChannelOption.SO_BACKLOG, 1024)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, true)
            .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel channel) {
                    channels.add(channel);
                    channel
                        .pipeline()
                        .addLast("decoder", new FrontendMessageDecoder(config.gateway().maxMessageBytes()))
                        .addLast("connection", new ConnectionHandler(services, workers));
                  }
                });
    InetSocketAddress requested = new InetSocketAddress(config.gateway().listenAddress(), config.gateway().port());
    serverChannel = bind(bootstrap, requested);
    InetSocketAddress bound = (InetSocketAddress) serverChannel.localAddress();
    localSocket = LocalSocketListener.start(home, bound.getPort(), () -> new io.netty.channel.ChannelHandler[] {
        new FrontendMessageDecoder(config.gateway().maxMessageBytes()), new ConnectionHandler(services, workers)});
    LOG.info("listening on {}:{} (lake: {}{})", bound.getHostString(), bound.getPort(), home.root(),
        replica == null ? "" : "; read replica serving warehouse snapshot " + replica.snapshotSequence());
    ObservabilityConfig observability = config.gateway().observability();
    if (observability.metricsPort() > 0) {
      try {
        metricsEndpoint = MetricsEndpoint.start(observability.metricsListenAddress(), observability.metricsPort(), metrics, this::ready);
        statusHistory = new io.analytics.gateway.status.StatusHistory(metrics, services.statements().resultCache());
        metricsEndpoint.serve(new io.analytics.gateway.status.StatusPage(home, config,
            new io.analytics.gateway.status.StatusPage.Sources(metrics, registry::activities, services.statements().statementStatistics(),
                services.statements().resultCache(), services.instances().database()), statusHistory)::register);
      } catch (IOException e) {
        throw new java.io.UncheckedIOException("cannot open the metrics port " + observability.metricsPort(), e);
      }
    }
    lakeWatch = Periodic.start("lake-watch", LAKE_WATCH_MILLIS, () -> {
      if (lakeCommits.anyoneListening()) {
        lake.run();
      }
    });
    long poll = config.gateway().replication().pollMillis();
    if (replica == null) {
      sourceSync.start();
      ReplicaFeed feed = new ReplicaFeed(home, publisher, config.gateway().replication());
      replication = Periodic.start("snapshot-publisher", poll, () -> feed.update()
          .ifPresent(published -> LOG.info("published warehouse snapshot {} for read replicas", published.sequence())));
    } else {
      replica.start(bound);
      replication = Periodic.start("snapshot-follower", poll, () -> {
        if (replica.follow()) {
          replicaMirrorSyncs.snapshotAttached();
        }
      });
    }
    return bound;
  }

  /** Binds, naming the address and port when it is taken (the OS says only "Address already in use"). */
  private static Channel bind(ServerBootstrap bootstrap, InetSocketAddress requested) throws InterruptedException {
    try {
      return bootstrap.bind(requested).sync().channel();
    } catch (Exception e) {
      if (e instanceof java.net.BindException || e.getCause() instanceof java.net.BindException) {
        throw new PlatformException(SqlState.CONNECTION_EXCEPTION, "cannot listen on " + requested.getHostString() + ":"
            + requested.getPort() + ": " + e.getMessage(), null,
            "another gateway or PostgreSQL may use port " + requested.getPort() + "; choose another with --port", 0, e);
      }
      throw e;
    }
  }

  /** The Postgres sources' syncing: at start, on their interval, and on request; null on a replica. */
  /** The status page's history, or null when no metrics port is open (tests take a sample with it). */
  public io.analytics.gateway.status.StatusHistory statusHistory() {
    return statusHistory;
  }

  public SourceSyncScheduler sourceSync() {
    return sourceSync;
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
    if (serverChannel != null) {
      serverChannel.close().syncUninterruptibly();
    }
    if (localSocket != null) {
      localSocket.close();
    }
    if (metricsEndpoint != null) {
      metricsEndpoint.close();
    }
    if (statusHistory != null) {
      statusHistory.close();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    while (System.nanoTime() < deadline && registry.targets().stream().anyMatch(CancelTarget::isBusy)) {
      sleepBriefly();
    }
    for (CancelTarget target : registry.targets()) {
      target.terminate();
    }
    long closeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < closeDeadline && registry.size() > 0) {
      sleepBriefly();
    }
    channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    workers.shutdown();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    workers.shutdownNow();
    timers.shutdownNow();
    icebergViews.close();
    if (lakeWatch != null) {
      lakeWatch.close();
    }
    if (replication != null) {
      replication.close();
    }
    if (sourceSync != null) {
      sourceSync.close();
    }
    bossGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    ioGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    database.close();
    goldTier.close();
    if (readerTier != null) {
      readerTier.close();
    }
    if (replica != null) {
      replica.close();
    }
    try {
      allocator.close();
    } catch (IllegalStateException e) {
      LOG.warn("Arrow memory still allocated at shutdown: {}", e.getMessage());
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    shutdown(config.gateway().shutdownGraceSeconds() * 1000L);
  }

  private static Path prepareCopyDir(PlatformHome home) {
    Path dir = home.tempDir().resolve("copy");
    try {
      Files.createDirectories(dir);
      try (var leftovers = Files.list(dir)) {
        for (Path file : (Iterable<Path>) leftovers::iterator) {
          Files.deleteIfExists(file);
        }
      }
      return dir;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot prepare " + dir, e);
    }
  }

  private static ThreadFactory namedThreads(String prefix) {
    AtomicInteger counter = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
