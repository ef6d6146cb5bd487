package io.analytics.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.ScramVerifier;
import io.analytics.gateway.testing.TestGateway;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The status page asks for an admin's credentials when it is exposed: over real HTTP, no credentials
 * get 401, an admin's 200, an analyst's 403, a wrong password 401; on loopback ({@code auto}) it is open.
 */
class StatusPageAccessTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  void anExposedPageAsksForAnAdmin() throws Exception {
    int port = freePort();
    SecureRandom random = new SecureRandom();
    PlatformConfig config = new PlatformConfig(null, null, List.of(
        new UserConfig("boss", "admin", ScramVerifier.create("s3cret", random).encode(), null),
        new UserConfig("reader", "analyst", ScramVerifier.create("pw", random).encode(), null)), null, null)
        .withGateway(GatewayConfig.defaults().withObservability(new ObservabilityConfig(port, "127.0.0.1", 1000L, "always")));
    try (TestGateway gateway = TestGateway.start(config)) {
      for (String path : List.of("/status", "/status.json", "/status/status.js")) {
        HttpResponse<String> anonymous = get(port, path, null);
        assertThat(anonymous.statusCode()).as(path).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
        assertThat(get(port, path, "boss:s3cret").statusCode()).as(path).isEqualTo(200);
        assertThat(get(port, path, "boss:wrong").statusCode()).as(path).isEqualTo(401);
        assertThat(get(port, path, "reader:pw").statusCode()).as(path).isEqualTo(403);
        assertThat(get(port, path, "nobody:pw").statusCode()).as(path).isEqualTo(401);
      }
      assertThat(get(port, "/status.json", "boss:s3cret").body()).contains("\"topStatements\"");
      // /metrics and /health are unchanged (Prometheus and load balancers scrape them without credentials).
      assertThat(get(port, "/health", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void onLoopbackThePageIsOpenByDefault() throws Exception {
    int port = freePort();
    try (TestGateway gateway = TestGateway.start(GatewayConfig.defaults().withObservability(new ObservabilityConfig(port, "127.0.0.1", 1000L)))) {
      assertThat(get(port, "/status.json", null).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void autoAsksForCredentialsOnlyBeyondLoopback() {
    assertThat(StatusPageAccess.of(new ObservabilityConfig(1, "127.0.0.1", 0L, "auto"), List::of).required()).isFalse();
    assertThat(StatusPageAccess.of(new ObservabilityConfig(1, "::1", 0L, "auto"), List::of).required()).isFalse();
    assertThat(StatusPageAccess.of(new ObservabilityConfig(1, "0.0.0.0", 0L, "auto"), List::of).required()).isTrue();
    assertThat(StatusPageAccess.of(new ObservabilityConfig(1, "192.0.2.10", 0L, "auto"), List::of).required()).isTrue();
    assertThat(StatusPageAccess.of(new ObservabilityConfig(1, "0.0.0.0", 0L, "never"), List::of).required()).isFalse();
  }

  @Test
  void theModeIsReadFromTheConfigurationFileAndChecked(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.writeString(dir.resolve("platform.json"),
        "{\"gateway\": {\"observability\": {\"metricsPort\": 9187, \"statusPageAuth\": \"always\"}}}");
    assertThat(PlatformConfig.load(file, java.util.Map.of()).gateway().observability().statusPageAuth()).isEqualTo("always");
    java.nio.file.Files.writeString(file, "{\"gateway\": {\"observability\": {\"statusPageAuth\": \"sometimes\"}}}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PlatformConfig.load(file, java.util.Map.of()))
        .hasMessageContaining("gateway.observability.statusPageAuth");
  }

  private static HttpResponse<String> get(int port, String path, String credentials) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
    if (credentials != null) {
      request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws Exception {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    }
  }
}
