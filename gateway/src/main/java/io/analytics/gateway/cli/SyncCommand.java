package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.PostgresTarget;
import io.analytics.engine.postgres.SourceSyncResult;
import io.analytics.engine.postgres.SourceSynchronizer;
import io.analytics.engine.postgres.SyncRequests;
import io.analytics.gateway.progress.TerminalProgress;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics sync [SOURCE] [TABLE]}: brings Postgres sources' mirrors up to date in the
 * warehouse. When a gateway serves the home it does the work (it owns the warehouse) and this
 * command waits for its answer; otherwise the warehouse file is opened directly.
 */
@Command(name = "sync", description = "Sync PostgreSQL sources into the warehouse (all, one source, or one table).")
public final class SyncCommand implements Callable<Integer> {
  private static final long GATEWAY_TIMEOUT_MILLIS = 3_600_000;

  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "SOURCE", description = "A source's name (default: every source).")
  String source;

  @Parameters(index = "1", arity = "0..1", paramLabel = "TABLE", description = "One table: name or schema.name.")
  String table;

  @Option(names = "--full", description = "Copy whole tables, ignoring incremental columns.")
  boolean full;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PlatformConfig config = parent.config();
    List<PostgresSourceConfig> sources = source == null ? config.sources() : List.of(PostgresTarget.source(config, source));
    if (sources.isEmpty()) {
      throw new PlatformException(SqlState.UNDEFINED_OBJECT, "no postgres sources configured; add one with analytics attach");
    }
    boolean succeeded = true;
    Optional<GatewayEndpointFile> gateway = GatewayEndpointFile.read(parent.home());
    if (gateway.isPresent()) {
      SyncRequests requests = new SyncRequests(parent.home());
      String id = requests.submit(source, table, full);
      io.analytics.engine.lake.ProgressListener progress = TerminalProgress.of("sync", 0, spec.commandLine().getErr());
      String phase = "by the gateway (pid " + gateway.get().pid() + ")";
      progress.started(phase);
      java.util.Map<String, SyncProgressDisplay> displays = new java.util.HashMap<>();
      SyncRequests.Result result = requests.await(id, GATEWAY_TIMEOUT_MILLIS, reported -> displays
          .computeIfAbsent(reported.source(), name -> new SyncProgressDisplay(progress, phase + " " + name))
          .rowsRead(reported.rows(), reported.estimatedRows())).orElseThrow(() -> new PlatformException(
          SqlState.QUERY_CANCELED, "the gateway (pid " + gateway.get().pid() + ") did not answer the sync request"));
      progress.progress(phase, 100);
      progress.finished(phase);
      out.println("synced by the gateway (pid " + gateway.get().pid() + ")");
      result.lines().forEach(out::println);
      succeeded = result.succeeded();
    } else {
      try (DuckDbDatabase warehouse = DuckDbDatabase.openWarehouse(parent.home(), config.duckdb())) {
        SourceSynchronizer synchronizer = new SourceSynchronizer(warehouse, config.duckdb());
        io.analytics.engine.lake.ProgressListener progress = TerminalProgress.of("sync", 0, spec.commandLine().getErr());
        for (PostgresSourceConfig each : sources) {
          progress.started(each.name());
          SourceSyncResult result = synchronizer.sync(each, table, full, new SyncProgressDisplay(progress, each.name()));
          progress.progress(each.name(), result.succeeded() ? 100 : 0);
          progress.finished(each.name());
          result.summaryLines().forEach(out::println);
          succeeded &= result.succeeded();
        }
      }
    }
    out.flush();
    if (!succeeded) {
      spec.commandLine().getErr().println("error: some tables were not synced (their mirrors are unchanged)");
      spec.commandLine().getErr().flush();
    }
    return succeeded ? 0 : 3;
  }
}
