package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.demo.DemoLake;
import io.analytics.engine.demo.ExampleSql;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics init [--demo]}: creates a home's layout, default config and example SQL; optionally the demo lake. */
@Command(name = "init", description = "Create the platform layout (idempotent); --demo also writes the demo lake.")
public final class InitCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Option(names = "--demo", description = "Write the demo lake: bronze.trades (1M rows), bronze.prices, bronze.orders, gold.daily_pnl.")
  boolean demo;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PlatformHome home = parent.home();
    home.ensureLayout();
    out.println("home: " + home.root());
    if (!Files.exists(home.configFile())) {
      DurableFiles.writeAtomically(home.configFile(), PlatformConfig.defaults().toJson());
      out.println("wrote " + home.root().relativize(home.configFile()));
    }
    for (Path copied : ExampleSql.install(home)) {
      out.println("wrote " + home.root().relativize(copied));
    }
    if (demo) {
      out.println("writing the demo lake...");
      out.flush();
      for (String line : new DemoLake(parent.pipelineConfig()).write()) {
        out.println("  " + line);
      }
    }
    out.flush();
    return 0;
  }
}
