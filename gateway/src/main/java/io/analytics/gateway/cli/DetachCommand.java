package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.engine.postgres.PostgresConnections;
import io.analytics.engine.postgres.cdc.ReplicationSlots;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics detach NAME}: removes a PostgreSQL source from {@code config/platform.json} and
 * drops the replication slot and publication change capture made on it, so a source that is no
 * longer followed never keeps WAL for us. The configuration goes first: a running gateway then
 * never makes the slot again.
 */
@Command(name = "detach", description = "Remove a PostgreSQL source and drop its replication slot on the source.")
public final class DetachCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The source's name.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PlatformConfig stored = PlatformConfig.load(parent.home().configFile(), Map.of());
    List<PostgresSourceConfig> withEnvironment = parent.config().sources();
    PostgresSourceConfig source = stored.sources().stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new PlatformException(SqlState.UNDEFINED_OBJECT, "no postgres source named \"" + name + "\""));
    List<PostgresSourceConfig> remaining = stored.sources().stream().filter(s -> !s.name().equals(name)).toList();
    DurableFiles.writeAtomically(parent.home().configFile(), stored.withSources(remaining).toJson());
    out.println("detached postgres source " + name + " (its mirrors stay in the warehouse until dropped)");
    // With the environment's overrides (POSTGRES_PASSWORD...), as the gateway connects.
    PostgresSourceConfig reachable = withEnvironment.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElse(source);
    ReplicationSlots slots = new ReplicationSlots(reachable);
    try (Connection pg = PostgresConnections.open(reachable)) {
      boolean existed = slots.slotExists(pg);
      slots.drop(pg);
      out.println(existed ? "dropped replication slot and publication " + slots.slot() + " on the source"
          : "no replication slot " + slots.slot() + " on the source");
      out.flush();
      return 0;
    } catch (SQLException | PlatformException e) {
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println("warning: could not drop replication slot " + slots.slot() + " on the source (" + e.getMessage()
          + "); drop it there with SELECT pg_drop_replication_slot('" + slots.slot() + "') and DROP PUBLICATION "
          + slots.publication() + ", or it keeps WAL");
      err.flush();
      return 1;
    }
  }
}
