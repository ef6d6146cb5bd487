package io.analytics.gateway.cli;

import io.analytics.engine.script.ScriptRunner;
import io.analytics.engine.script.ScriptVariables;
import io.analytics.engine.script.StatementOutcome;
import io.analytics.engine.warehouse.WarehouseConnection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics run FILE.sql [-v NAME=VALUE]...}: runs a SQL script on the warehouse with variables. */
@Command(name = "run", description = "Run a SQL script on the warehouse; ${name} is replaced by the value given with -v name=value.")
public final class RunCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.sql")
  Path file;

  @Option(names = {"-v", "--var"}, paramLabel = "NAME=VALUE", description = "A script variable (repeatable).")
  List<String> variables = new ArrayList<>();

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (default), csv or json.")
  ResultPrinter.Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScriptVariables values = ScriptVariables.parse(variables);
    try (WarehouseConnection connection = parent.warehouse().open()) {
      for (StatementOutcome outcome : new ScriptRunner(connection.jdbc()).runFile(file, values)) {
        QueryCommand.print(outcome, format, out);
      }
    }
    return 0;
  }
}
