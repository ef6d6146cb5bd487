package io.analytics.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.gateway.testing.TestGateway;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page in a real headless Chromium: it loads, draws the numbers the gateway and the lake
 * have, and a screenshot of it is saved (docs/status-page.png is one).
 */
class StatusPageTest {
  @TempDir Path profile;

  @Test
  void chromiumShowsTheGatewaysNumbers() throws Exception {
    Path chromium = Path.of("/usr/bin/chromium");
    assumeTrue(Files.isExecutable(chromium), "chromium is not installed (Debian package chromium)");
    int metricsPort;
    try (ServerSocket free = new ServerSocket(0)) {
      metricsPort = free.getLocalPort();
    }
    GatewayConfig config = GatewayConfig.defaults().withObservability(new ObservabilityConfig(metricsPort, "127.0.0.1", 1000L));
    try (TestGateway gateway = TestGateway.start(config)) {
      try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
        for (int i = 0; i < 5; i++) {
          statement.execute("SELECT count(*) FROM bronze.trades");
        }
        // A sample now, so the latency of those statements is in the history (the sampler takes one every 10 s).
        gateway.server().statusHistory().sample();
        String url = "http://127.0.0.1:" + metricsPort + "/status";
        String dom = chromium(chromium, "--dump-dom", url);
        assertThat(dom).contains("data-loaded=\"true\"");
        DatasetFiles trades = DatasetFiles.of(gateway.home().dataDir().resolve("bronze/trades"));
        assertThat(cell(dom, "bronze.trades", "files")).isEqualTo(Integer.toString(trades.files().size()));
        assertThat(dom).contains("data-bytes=\"" + trades.totalBytes() + "\"");
        assertThat(dom).contains("data-name=\"gold.daily_pnl\"");
        assertThat(number(dom, "sessions")).isEqualTo(gateway.server().activeSessions());
        assertThat(number(dom, "statements")).isGreaterThanOrEqualTo(5);
        // The test's own session, as pg_stat_activity shows it.
        assertThat(dom).contains("<td>wire-tests</td>").contains("SELECT count(*) FROM bronze.trades");
        assertThat(dom).contains("<polyline class=\"series0\" points=");
        // The statement the test ran, among the top statements with at least its 5 calls (as pg_stat_statements).
        Matcher top = Pattern.compile("<tr><td>tester</td><td class=\"number calls\">([0-9]+)</td>(?:<td[^>]*>[^<]*</td>){4}"
            + "<td class=\"query\">SELECT COUNT \\( \\* \\) FROM BRONZE \\. TRADES</td></tr>", Pattern.CASE_INSENSITIVE).matcher(dom);
        assertThat(top.find()).as("top statements in %s", dom).isTrue();
        assertThat(Long.parseLong(top.group(1))).isGreaterThanOrEqualTo(5);
        // p50 and p99 of the sampled interval: the statements took some time, p99 at least p50.
        Matcher latency = Pattern.compile("id=\"latency-now\" data-p50=\"([0-9.E-]+)\" data-p99=\"([0-9.E-]+)\"").matcher(dom);
        assertThat(latency.find()).as("latency in %s", dom).isTrue();
        assertThat(Double.parseDouble(latency.group(1))).isPositive();
        assertThat(Double.parseDouble(latency.group(2))).isGreaterThanOrEqualTo(Double.parseDouble(latency.group(1)));
        assertThat(number(dom, "cache-hits")).isGreaterThanOrEqualTo(0);
        assertThat(dom).contains("<svg id=\"chart-latency\"").contains("<svg id=\"chart-cache\"");

        Path screenshot = Path.of("target/status-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        chromium(chromium, "--screenshot=" + screenshot, "--window-size=1280,720", url);
        assertThat(screenshot).exists();
        assertThat(Files.size(screenshot)).isGreaterThan(10_000);
      }
    }
  }

  private String chromium(Path chromium, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + Files.createTempDirectory(profile, "chromium"), "--virtual-time-budget=5000"));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(out).isZero();
    return out;
  }

  private static String cell(String dom, String dataset, String className) {
    Matcher row = Pattern.compile("<tr data-name=\"" + Pattern.quote(dataset) + "\">(.*?)</tr>").matcher(dom);
    assertThat(row.find()).as("row of %s in %s", dataset, dom).isTrue();
    Matcher value = Pattern.compile("<td class=\"number " + className + "\"[^>]*>([^<]*)</td>").matcher(row.group(1));
    assertThat(value.find()).isTrue();
    return value.group(1);
  }

  private static long number(String dom, String id) {
    Matcher value = Pattern.compile("<b id=\"" + id + "\">([0-9]+)</b>").matcher(dom);
    assertThat(value.find()).as("%s in %s", id, dom).isTrue();
    return Long.parseLong(value.group(1));
  }
}
