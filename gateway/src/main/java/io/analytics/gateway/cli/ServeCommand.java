package io.analytics.gateway.cli;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.gateway.server.GatewayServer;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code analytics serve}: runs the gateway until SIGTERM or SIGINT, then stops gracefully. */
@Command(name = "serve", description = "Start the PostgreSQL-wire gateway on the lake.")
public final class ServeCommand implements Callable<Integer> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);

  @ParentCommand AnalyticsCli parent;

  @Option(names = "--port", description = "TCP port (default 5433).")
  Integer port;

  @Option(names = "--listen", paramLabel = "ADDR", description = "Address to listen on (default 127.0.0.1).")
  String listen;

  @Option(names = "--metrics-port", paramLabel = "N", description = "Serve /metrics (Prometheus) and /health over HTTP on this port.")
  Integer metricsPort;

  @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate: answer SSLRequest and encrypt (with --tls-key).")
  java.nio.file.Path tlsCertificate;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM PKCS#8 private key of --tls-cert.")
  java.nio.file.Path tlsKey;

  @Option(names = "--replica", description = "Serve as a read replica: the lake and the warehouse's latest published "
      + "snapshot, without opening the warehouse file (any number may run beside the gateway that owns it); writes get 25006.")
  boolean replica;

  @Override
  public Integer call() throws InterruptedException {
    PlatformConfig loaded = parent.config();
    GatewayConfig gateway = loaded.gateway();
    if (tlsCertificate != null || tlsKey != null) {
      boolean required = loaded.gateway().tls().required();
      loaded = loaded.withGateway(loaded.gateway().withTls(new io.analytics.catalog.config.TlsConfig(
          tlsCertificate == null ? null : tlsCertificate.toString(), tlsKey == null ? null : tlsKey.toString(), required)));
      gateway = loaded.gateway();
    }
    if (metricsPort != null) {
      loaded = loaded.withGateway(loaded.gateway().withObservability(loaded.gateway().observability().withMetricsPort(metricsPort)));
      gateway = loaded.gateway();
    }
    PlatformConfig config =
        loaded.withGateway(
            gateway.withListen(listen == null ? gateway.listenAddress() : listen, port == null ? gateway.port() : port));
    GatewayServer server = replica ? GatewayServer.forReplica(parent.home(), config) : GatewayServer.forHome(parent.home(), config);
    CountDownLatch stopped = new CountDownLatch(1);
    java.net.InetSocketAddress bound;
    try {
      bound = server.start();
    } catch (RuntimeException | InterruptedException e) {
      server.shutdown(0);
      throw e;
    }
    if (!replica) {
      // Lets CLI commands run while we serve: they send warehouse work through this gateway (never a replica).
      GatewayEndpointFile.write(parent.home(), ProcessHandle.current().pid(), connectHost(bound), bound.getPort());
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("stopping: no new connections; running statements get {} s to finish",
                      config.gateway().shutdownGraceSeconds());
                  if (!replica) {
                    GatewayEndpointFile.delete(parent.home());
                  }
                  server.close();
                  LOG.info("stopped");
                  stopped.countDown();
                },
                "shutdown"));
    stopped.await();
    return 0;
  }

  /** Where a local client should connect: the wildcard address is reached through loopback. */
  private static String connectHost(java.net.InetSocketAddress bound) {
    return bound.getAddress().isAnyLocalAddress() ? "127.0.0.1" : bound.getHostString();
  }
}
