package io.analytics.gateway.cli;

import io.analytics.engine.script.ScriptRunner;
import io.analytics.engine.script.ScriptVariables;
import io.analytics.engine.script.StatementOutcome;
import io.analytics.engine.warehouse.WarehouseConnection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics query SQL [--format table|csv|json]}: runs SQL on the warehouse and prints the result. */
@Command(name = "query", description = "Run SQL on the warehouse (through the gateway when one serves this home) and print the result.")
public final class QueryCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SQL", description = "One or more statements; the results of queries are printed.")
  String sql;

  @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT", description = "table (default), csv or json.")
  ResultPrinter.Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (WarehouseConnection connection = parent.warehouse().open()) {
      for (StatementOutcome outcome : new ScriptRunner(connection.jdbc(), PostgresText.columnText(connection)).run(sql, ScriptVariables.none(), "query")) {
        print(outcome, format, out);
      }
    }
    return 0;
  }

  static void print(StatementOutcome outcome, ResultPrinter.Format format, PrintWriter out) {
    if (outcome.rows() != null) {
      ResultPrinter.print(outcome.rows(), format, out);
    } else if (format == ResultPrinter.Format.table) {
      out.println(outcome.updateCount() >= 0 ? "OK, " + outcome.updateCount() + " rows" : "OK");
      out.flush();
    }
  }
}
