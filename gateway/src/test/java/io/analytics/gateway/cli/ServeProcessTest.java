package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analytics serve} as a real process: one line saying where it listens, and a clean stop on SIGTERM. */
class ServeProcessTest {
  private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

  @TempDir Path home;

  @Test
  void servesUntilSigtermThenStopsCleanly() throws Exception {
    CliRun.in(home, "init").succeeded();
    Process process = TradeBatches.cliProcess(home, "serve", "--port", "0").start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      int port = -1;
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        lines.add(line);
        Matcher listening = LISTENING.matcher(line);
        if (listening.find()) {
          port = Integer.parseInt(listening.group(1));
          break;
        }
      }
      assertThat(port).as("log: %s", lines).isPositive();
      // The endpoint file that lets CLI commands find this gateway follows the log line closely.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!Files.exists(home.resolve("warehouse/gateway.json")) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertThat(home.resolve("warehouse/gateway.json")).exists();
      Properties properties = new Properties();
      properties.setProperty("user", "anyone");
      try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lake", properties);
          ResultSet rows = connection.createStatement().executeQuery("SELECT 40 + 2")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(42);
      }

      // A second gateway on the same home gets a clear error instead of a corrupt warehouse.
      assertThatThrownBy(() -> io.analytics.gateway.server.GatewayServer.forHome(
              new io.analytics.catalog.home.PlatformHome(home), io.analytics.catalog.config.PlatformConfig.defaults()))
          .isInstanceOfSatisfying(io.analytics.catalog.error.PlatformException.class, e -> {
            assertThat(e.sqlState().code()).isEqualTo("55P03");
            assertThat(e.getMessage()).contains("locked by another process");
          });

      // Process.destroy() would also close our end of its output, so send the signal with kill(1).
      assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
      for (String line = output.readLine(); line != null; line = output.readLine()) {
        lines.add(line);
      }
    } finally {
      process.destroyForcibly();
    }
    // The JVM reports a SIGTERM stop as 128 + 15, after its shutdown hooks ran.
    assertThat(process.exitValue()).isEqualTo(143);
    assertThat(lines).anyMatch(line -> line.contains("stopped"));
    assertThat(home.resolve("warehouse/gateway.json")).doesNotExist();
  }
}
