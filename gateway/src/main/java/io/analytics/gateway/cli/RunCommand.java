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

/** {@code analytics run FILE.sql [-v NAME=VALUE]... [--single-transaction]}: runs a SQL script on the warehouse with variables. */
@Command(
    name = "run",
    description = {
      "Run a SQL script on the warehouse (through the gateway when one serves this home).",
      "Variables given with -v NAME=VALUE are interpolated as psql does: :NAME is replaced by the value as it is,"
          + " :'NAME' by the value as a quoted literal ('O''Brien') and :\"NAME\" by the value as a quoted identifier."
          + " Use :'NAME' for values: a raw :NAME can change the statement. Nothing is replaced inside quotes or"
          + " comments, and :: casts are left alone. A variable the script uses but nobody set is an error.",
      "By default each statement commits on its own, and the first failing statement stops the script: the"
          + " statements before it stay committed. With --single-transaction the whole script commits or none of it does."
    })
public final class RunCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE.sql")
  Path file;

  @Option(names = {"-v", "--set", "--variable", "--var"}, paramLabel = "NAME=VALUE", description = "A script variable (repeatable), used as :NAME, :'NAME' or :\"NAME\".")
  List<String> variables = new ArrayList<>();

  @Option(names = {"-1", "--single-transaction"}, description = "Run the script as one transaction: all of it or nothing (psql's name).")
  boolean singleTransaction;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (default), csv or json.")
  ResultPrinter.Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ScriptVariables values = ScriptVariables.parse(variables);
    try (WarehouseConnection connection = parent.warehouse().open()) {
      ScriptRunner runner = new ScriptRunner(connection.jdbc(), PostgresText.columnText(connection));
      List<StatementOutcome> outcomes = singleTransaction
          ? runner.runFileInOneTransaction(file, values) : runner.runFile(file, values);
      for (StatementOutcome outcome : outcomes) {
        QueryCommand.print(outcome, format, out);
      }
    }
    return 0;
  }
}
