package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code analytics SUB --help} prints SUB's usage and succeeds, for every subcommand at every depth. */
class CliHelpTest {
  static CliRun cli(String... args) {
    return CliRun.of(args);
  }

  @Test
  void everySubcommandPrintsItsUsageWithHelp() {
    List<List<String>> commands = new ArrayList<>();
    collect(new CommandLine(new AnalyticsCli()), new ArrayList<>(), commands);
    assertThat(commands).contains(List.of("ingest"), List.of("run"), List.of("user", "add"), List.of("bench"));
    for (List<String> command : commands) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(command);
        args.add(flag);
        CliRun run = cli(args.toArray(String[]::new));
        assertThat(run.exitCode()).as("exit code of analytics %s, stderr: %s", args, run.err()).isZero();
        assertThat(run.out()).as("usage of analytics %s", args)
            .startsWith("Usage: analytics " + String.join(" ", command));
        assertThat(run.err()).isEmpty();
      }
    }
  }

  @Test
  void runsHelpSaysHowVariablesAndTransactionsWork() {
    CliRun run = cli("run", "--help");
    assertThat(run.out()).doesNotContain("null").contains(":'NAME'").contains(":\"NAME\"")
        .contains("--single-transaction").contains("stay committed");
  }

  @Test
  void subcommandsReportTheVersion() {
    CliRun run = cli("query", "--version");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo("analytics 0.1.0\n");
  }

  private static void collect(CommandLine commandLine, List<String> path, List<List<String>> into) {
    commandLine.getSubcommands().forEach((name, subcommand) -> {
      if (subcommand.getCommand() instanceof CommandLine.HelpCommand) {
        return;
      }
      List<String> sub = new ArrayList<>(path);
      sub.add(name);
      into.add(sub);
      collect(subcommand, sub, into);
    });
  }
}
