package io.analytics.gateway.cli;

import io.analytics.engine.script.Migration;
import io.analytics.engine.script.MigrationRunner;
import io.analytics.engine.warehouse.WarehouseConnection;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code analytics migrate}: applies pending {@code sql/migrations/V*__*.sql} to the warehouse. */
@Command(name = "migrate", description = "Apply pending migrations of sql/migrations/ (V001__name.sql, ...) in order, once each.")
public final class MigrateCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (WarehouseConnection connection = parent.warehouse().open()) {
      MigrationRunner.Outcome outcome = new MigrationRunner(connection.jdbc(), parent.home().migrationsDir()).migrate();
      for (Migration migration : outcome.applied()) {
        out.println("applied " + migration.fileName());
      }
      out.println(outcome.applied().size() + " applied, " + outcome.alreadyApplied() + " already applied");
    }
    out.flush();
    return 0;
  }
}
