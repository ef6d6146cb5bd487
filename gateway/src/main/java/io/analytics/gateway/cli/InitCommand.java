package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.TlsConfig;
import io.analytics.gateway.tls.SelfSignedCertificate;
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

  @Option(names = "--tls", description = "Create a self-signed certificate (config/tls/) and enable TLS in the config.")
  boolean tls;

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
    if (tls) {
      enableTls(home, out);
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

  /** Writes config/tls/server.crt and server.key (unless present) and points the config at them. */
  private static void enableTls(PlatformHome home, PrintWriter out) {
    Path directory = home.configFile().getParent().resolve("tls");
    Path certificate = directory.resolve("server.crt");
    Path key = directory.resolve("server.key");
    if (!Files.exists(certificate) || !Files.exists(key)) {
      SelfSignedCertificate.write(certificate, key);
      out.println("wrote " + home.root().relativize(certificate) + " and " + home.root().relativize(key) + " (self-signed)");
    }
    PlatformConfig stored = PlatformConfig.load(home.configFile(), java.util.Map.of());
    TlsConfig current = stored.gateway().tls();
    // Relative to the home, so that the home can be moved or mounted elsewhere.
    TlsConfig wanted = new TlsConfig(home.root().relativize(certificate).toString(), home.root().relativize(key).toString(),
        current.required());
    if (!wanted.equals(current)) {
      DurableFiles.writeAtomically(home.configFile(), stored.withGateway(stored.gateway().withTls(wanted)).toJson());
      out.println("TLS enabled in " + home.root().relativize(home.configFile()));
    }
  }
}
