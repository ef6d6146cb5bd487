package io.analytics.gateway.cli;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.engine.warehouse.WarehouseConnector;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code analytics} command: global options and the list of subcommands. */
@Command(
    name = "analytics",
    mixinStandardHelpOptions = true,
    version = "analytics 0.1.0",
    description = "A PostgreSQL-wire gateway over a DuckDB and Parquet data lake.",
    subcommands = {
      ServeCommand.class,
      InitCommand.class,
      IngestCommand.class,
      ExportCommand.class,
      RunCommand.class,
      QueryCommand.class,
      StatusCommand.class,
      TablesCommand.class,
      DescribeCommand.class,
      ViewsCommand.class,
      MaterializeCommand.class,
      RefreshCommand.class,
      MigrateCommand.class,
      VacuumCommand.class,
      UserCommand.class,
      io.analytics.gateway.bench.BenchCommand.class,
      AttachCommand.class,
      DetachCommand.class,
      SyncCommand.class,
      IcebergCommand.class,
      CommandLine.HelpCommand.class
    })
public final class AnalyticsCli implements java.util.concurrent.Callable<Integer> {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;


  @Option(
      names = "--home",
      paramLabel = "DIR",
      description = "Platform root holding data/, warehouse/, sql/ and config/ (default: current directory).",
      scope = CommandLine.ScopeType.INHERIT)
  Path home = Path.of(".");

  /** Without a subcommand: print usage to stderr and fail, so scripts notice. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** The platform home chosen with --home. */
  public PlatformHome home() {
    return new PlatformHome(home);
  }

  /**
   * The configuration of the chosen home (its config/platform.json, or the defaults), with the
   * POSTGRES_* and ANALYTICS_* environment variables applied.
   */
  public PlatformConfig config() {
    return PlatformConfig.load(home().configFile(), System.getenv());
  }

  /** The home and its configuration, as pipelines take them. */
  public PipelineConfig pipelineConfig() {
    return new PipelineConfig(home(), config());
  }

  /** How this command reaches the warehouse: through a running gateway, or the file. */
  public WarehouseConnector warehouse() {
    return new WarehouseConnector(home(), config(), System.getenv());
  }

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code: 0 on success, non-zero with a one-line error. */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  /** Runs the CLI writing to the given streams (for tests); returns its exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine commandLine = commandLine();
    commandLine.setOut(out);
    commandLine.setErr(err);
    try {
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  private static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new AnalyticsCli());
    addHelpOptions(commandLine);
    commandLine.setExecutionExceptionHandler(AnalyticsCli::reportFailure);
    return commandLine;
  }

  /**
   * Gives every subcommand, at every depth, {@code -h/--help} (and {@code -V/--version}): a help
   * option also lifts the check for required parameters, so {@code analytics ingest --help} prints
   * usage instead of complaining about the missing FILE.
   */
  private static void addHelpOptions(CommandLine commandLine) {
    for (CommandLine subcommand : commandLine.getSubcommands().values()) {
      if (!(subcommand.getCommand() instanceof CommandLine.HelpCommand)
          && subcommand.getCommandSpec().findOption("--help") == null) {
        subcommand.getCommandSpec().mixinStandardHelpOptions(true);
        subcommand.getCommandSpec().version(commandLine.getCommandSpec().version());
      }
      addHelpOptions(subcommand);
    }
  }

  private static int reportFailure(
      Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("error: " + message.lines().findFirst().orElse(message));
    if (e instanceof PlatformException platform && platform.hint() != null) {
      err.println("hint: " + platform.hint());
    }
    err.flush();
    return e instanceof PlatformException ? 2 : 1;
  }
}
