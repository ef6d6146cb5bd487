package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Makefile as an operator uses it, and the home's settings that make it movable. */
class MakeTargetsTest {
  private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path home;

  record Make(int exitCode, String out) {}

  static Make make(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("make", "--no-print-directory", "-C", REPOSITORY.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Make(process.exitValue(), out);
  }

  @Test
  void shellConnectsToThePortGiven() throws Exception {
    assertThat(make("-n", "shell", "PORT=55433").out()).contains("port=55433").doesNotContain("port=5433 ");
  }

  @Test
  void runDoesNotBuildItselfAndAStoppedGatewayIsNoError() throws Exception {
    assertThat(make("-n", "run").out()).doesNotContain("mvn");
    // A launcher standing in for ./analytics whose serve ends as the JVM does on SIGTERM (143) or Ctrl-C (130).
    for (int status : new int[] {143, 130}) {
      Path launcher = home.resolve("analytics-" + status);
      Files.writeString(launcher, "#!/bin/sh\n[ \"$3\" = serve ] && exit " + status + "\nexit 0\n");
      Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwx------"));
      Make run = make("run", "ANALYTICS=" + launcher, "HOME_DIR=" + home);
      assertThat(run.exitCode()).as(run.out()).isZero();
      assertThat(run.out()).contains("gateway stopped").doesNotContain("Error");
    }
    Path failing = Files.writeString(home.resolve("analytics-1"), "#!/bin/sh\n[ \"$3\" = serve ] && exit 1\nexit 0\n");
    Files.setPosixFilePermissions(failing, PosixFilePermissions.fromString("rwx------"));
    assertThat(make("run", "ANALYTICS=" + failing, "HOME_DIR=" + home).exitCode()).isNotZero();
  }

  @Test
  void aPortInUseIsNamed() throws Exception {
    assertThat(CliRun.in(home, "init").exitCode()).isZero();
    try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      CliRun serve = CliRun.in(home, "serve", "--port", Integer.toString(taken.getLocalPort()));
      assertThat(serve.exitCode()).isNotZero();
      assertThat(serve.err()).contains("cannot listen on 127.0.0.1:" + taken.getLocalPort())
          .contains("choose another with --port");
    }
  }

  @Test
  void initTlsStoresPathsRelativeToTheHome() throws Exception {
    assertThat(CliRun.in(home, "init", "--tls").exitCode()).isZero();
    assertThat(Files.readString(home.resolve("config/platform.json")))
        .contains("\"certificateFile\" : \"config/tls/server.crt\"").doesNotContain(home.toString());
  }
}
