package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.home.DurableFiles;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics attach NAME 'postgresql://user[:pw]@host:port/db'}: declares a PostgreSQL source
 * in {@code config/platform.json} (replacing one of the same name) and says whether it answers.
 */
@Command(name = "attach", description = "Declare a PostgreSQL database as a source (config/platform.json); then 'analytics sync NAME'.")
public final class AttachCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The source's name: its tables appear as NAME.table.")
  String name;

  @Parameters(index = "1", paramLabel = "URL", description = "postgresql://user[:password]@host[:port]/database")
  String url;

  @Option(names = "--schemas", split = ",", paramLabel = "SCHEMA", description = "Schemas to expose (default: public).")
  List<String> schemas;

  @Option(names = "--read-write", description = "Allow exports into this database (sources are read-only by default).")
  boolean readWrite;

  @Option(names = "--sync-interval", paramLabel = "SECONDS", description = "How often a running gateway re-syncs it (default 300; 0: only at start).")
  Integer syncInterval;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PostgresSourceConfig parsed = PostgresSourceConfig.fromUrl(name, url);
    PostgresSourceConfig source = new PostgresSourceConfig(parsed.name(), parsed.host(), Integer.valueOf(parsed.port()),
        parsed.database(), parsed.user(), parsed.password(), schemas, Boolean.valueOf(!readWrite), syncInterval, null);
    // The file's own configuration, so that environment overrides are not baked into it.
    PlatformConfig stored = PlatformConfig.load(parent.home().configFile(), Map.of());
    List<PostgresSourceConfig> sources = new ArrayList<>();
    boolean replaced = false;
    for (PostgresSourceConfig existing : stored.sources()) {
      if (existing.name().equals(name)) {
        sources.add(new PostgresSourceConfig(source.name(), source.host(), source.port(), source.database(),
            source.user(), source.password(), schemas == null ? existing.schemas() : source.schemas(),
            source.readOnly(), syncInterval == null ? existing.syncIntervalSeconds() : source.syncIntervalSeconds(),
            existing.incremental()));
        replaced = true;
      } else {
        sources.add(existing);
      }
    }
    if (!replaced) {
      sources.add(source);
    }
    parent.home().ensureLayout();
    DurableFiles.writeAtomically(parent.home().configFile(), stored.withSources(sources).toJson());
    out.println((replaced ? "updated" : "attached") + " postgres source " + name + ": " + source.user() + "@"
        + source.host() + ":" + source.port() + "/" + source.database() + " schemas " + source.schemas()
        + (source.readOnly() ? " (read-only)" : " (read-write)") + ": " + StatusCommand.reachability(source));
    if (source.password() != null) {
      out.println("note: the password is stored in " + parent.home().configFile()
          + "; leave it out of the URL and set POSTGRES_PASSWORD to keep it out of the file");
    }
    out.println("next: analytics sync " + name + "   (tables appear as " + name + ".<table>)");
    out.flush();
    return 0;
  }
}
