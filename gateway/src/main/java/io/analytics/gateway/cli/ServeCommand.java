package io.analytics.gateway.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code analytics serve}: runs the gateway until SIGTERM or SIGINT. */
@Command(name = "serve", description = "Start the PostgreSQL-wire gateway on the lake.")
public final class ServeCommand implements Callable<Integer> {
  @ParentCommand AnalyticsCli parent;

  @Option(names = "--port", description = "TCP port (default 5433).")
  Integer port;

  @Option(names = "--listen", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1).")
  String listen;

  @Override
  public Integer call() {
    throw new UnsupportedOperationException("the gateway server is being written");
  }
}
