package io.analytics.gateway.cli;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.iceberg.catalog.LakeCatalog;
import io.analytics.iceberg.external.IcebergAttachment;
import io.analytics.iceberg.external.IcebergAttachments;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.apache.iceberg.catalog.TableIdentifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code analytics iceberg attach NAME --catalog URI}: exposes the tables of an external Iceberg
 * namespace as the schema NAME through the gateway (each read at its newest snapshot), after
 * checking that the catalog answers and that each table can be read.
 */
@Command(name = "attach", description = "Expose an external Iceberg namespace's tables as the schema NAME through the gateway.")
public final class IcebergAttachCommand implements Callable<Integer> {
  @ParentCommand IcebergCommand parent;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "NAME", description = "The schema clients see the tables in.")
  String name;

  @Option(names = "--catalog", required = true, paramLabel = "URI",
      description = "The JDBC catalog: jdbc:sqlite:FILE, jdbc:postgresql://HOST/DB, or 'platform' for this home's own catalog.")
  String catalog;

  @Option(names = "--catalog-name", paramLabel = "NAME", description = "The catalog's name inside it (default: lake, as Spark's spark.sql.catalog.lake).")
  String catalogName;

  @Option(names = "--namespace", paramLabel = "NS", description = "The Iceberg namespace (default: NAME).")
  String namespace;

  @Option(names = "--user", description = "The catalog database's login.")
  String user;

  @Option(names = "--password", description = "The catalog database's password.")
  String password;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    IcebergConfig own = parent.parent().config().iceberg();
    boolean platform = catalog.equals("platform");
    IcebergAttachment attachment = new IcebergAttachment(name,
        platform ? LakeCatalog.uri(parent.parent().home(), own) : catalog,
        catalogName != null ? catalogName : platform ? own.name() : IcebergConfig.DEFAULT_NAME,
        namespace != null ? namespace : name,
        user != null ? user : platform ? own.user() : null,
        password != null ? password : platform ? own.password() : null);
    try (var check = new io.analytics.iceberg.external.AttachmentCheck(attachment)) {
      for (TableIdentifier table : check.tables()) {
        String problem = check.problem(table);
        out.println("  " + name + "." + table.name() + (problem == null ? "" : ": " + problem));
      }
    }
    new IcebergAttachments(parent.parent().home()).put(attachment);
    out.println("attached Iceberg namespace " + attachment.namespace() + " of " + attachment.uri() + " as schema " + name
        + " (a running gateway picks it up at its next statement; tables outside "
        + LakeCatalog.warehouseDir(parent.parent().home()) + " are readable after it restarts)");
    out.flush();
    return 0;
  }
}
