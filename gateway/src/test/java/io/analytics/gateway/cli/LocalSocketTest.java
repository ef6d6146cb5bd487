package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.server.GatewayServer;
import io.analytics.gateway.testing.PsqlBinary;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Once users exist, the home's OS owner still needs no password: the gateway serves a
 * Unix-domain socket in HOME/run, which psql and the CLI use, and the kernel's peer credentials
 * prove who connects. Everyone else, and every TCP login, needs a password, and an error says how.
 */
class LocalSocketTest {
  @TempDir Path home;
  private GatewayServer server;
  private int port;

  @BeforeEach
  void serveAHomeWithAUser() throws Exception {
    assertThat(CliRun.in(home, "init").exitCode()).isZero();
    InputStream original = System.in;
    System.setIn(new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)));
    try {
      assertThat(CliRun.in(home, "user", "add", "carol", "--role", "analyst").exitCode()).isZero();
    } finally {
      System.setIn(original);
    }
    PlatformConfig config = PlatformConfig.load(home.resolve("config/platform.json"), Map.of());
    server = GatewayServer.forHome(new PlatformHome(home), config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    InetSocketAddress address = server.start();
    port = address.getPort();
    GatewayEndpointFile.write(new PlatformHome(home), ProcessHandle.current().pid(), "127.0.0.1", port);
  }

  @AfterEach
  void stop() {
    GatewayEndpointFile.delete(new PlatformHome(home));
    server.shutdown(2000);
  }

  @Test
  void psqlOverTheSocketNeedsNoPasswordForTheOwnerAndTcpStillDoes() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    assertThat(home.resolve("run/.s.PGSQL." + port)).exists();
    Psql socket = psql(home.resolve("run").toString(), "SELECT 40 + 2");
    assertThat(socket.exitCode()).as(socket.out()).isZero();
    assertThat(socket.out()).isEqualTo("42\n");
    Psql tcp = psql("127.0.0.1", "SELECT 40 + 2");
    assertThat(tcp.exitCode()).isNotZero();
    assertThat(tcp.out()).contains("password");
  }

  @Test
  void cliCommandsWorkAfterAUserExistsAndSayWhatToDoWhenTheyCannot() throws Exception {
    CliRun query = CliRun.in(home, "query", "SELECT 40 + 2 AS answer", "--format", "csv");
    assertThat(query.exitCode()).as(query.err()).isZero();
    assertThat(query.out()).isEqualTo("answer\n42\n");
    assertThat(CliRun.in(home, "tables").exitCode()).isZero();

    // Without the socket (another machine, another OS user), the error says how to log in.
    Files.delete(home.resolve("run/.s.PGSQL." + port));
    CliRun refused = CliRun.in(home, "query", "SELECT 1");
    assertThat(refused.exitCode()).isNotZero();
    assertThat(refused.err()).contains("no password was provided").contains("ANALYTICS_USER and ANALYTICS_PASSWORD")
        .contains("run/.s.PGSQL." + port);
  }

  @Test
  void anotherOsUserOnTheSocketMustGiveAPassword() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    Object ownUid = Files.getAttribute(home, "unix:uid");
    assumeTrue(ownUid.equals(0), "changing the home's owner needs root");
    server.shutdown(2000);
    Files.setAttribute(home, "unix:uid", 65534);
    PlatformConfig config = PlatformConfig.load(home.resolve("config/platform.json"), Map.of());
    server = GatewayServer.forHome(new PlatformHome(home), config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    port = server.start().getPort();
    Psql socket = psql(home.resolve("run").toString(), "SELECT 1");
    assertThat(socket.exitCode()).isNotZero();
    assertThat(socket.out()).contains("password");
  }

  record Psql(int exitCode, String out) {}

  private Psql psql(String host, String sql) throws Exception {
    List<String> command = new ArrayList<>(List.of(PsqlBinary.find().toString(), "-X", "-A", "-t", "-w",
        "-h", host, "-p", Integer.toString(port), "-U", "analytics", "-d", "lake", "-c", sql));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().remove("PGPASSWORD");
    Process process = builder.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Psql(process.exitValue(), out);
  }
}
