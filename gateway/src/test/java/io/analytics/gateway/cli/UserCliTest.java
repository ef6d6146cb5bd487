package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.gateway.testing.TestGateway;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analytics user add} stores only a verifier, and the gateway then requires that password. */
class UserCliTest {
  @TempDir Path home;

  private int cli(String stdin, StringWriter out, String... args) {
    CliRun run = CliRun.in(home, stdin, args);
    out.write(run.out());
    return run.exitCode();
  }

  @Test
  void addedUserMustLogInWithItsPassword() throws Exception {
    StringWriter out = new StringWriter();
    assertThat(cli("", out, "init")).isZero();
    assertThat(cli("correct horse\n", out, "user", "add", "carol", "--role", "engineer")).isZero();
    String stored = Files.readString(home.resolve("config/platform.json"));
    assertThat(stored).contains("\"carol\"").contains("SCRAM-SHA-256$4096:").doesNotContain("correct horse");

    StringWriter listed = new StringWriter();
    assertThat(cli("", listed, "user", "list")).isZero();
    assertThat(listed.toString()).isEqualTo("carol\tengineer\n");

    PlatformConfig config = PlatformConfig.load(home.resolve("config/platform.json"), Map.of());
    try (TestGateway gateway = TestGateway.start(config)) {
      try (Connection connection = login(gateway, "carol", "correct horse")) {
        assertThat(connection.isValid(5)).isTrue();
      }
      assertThatThrownBy(() -> login(gateway, "carol", "battery staple"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("28P01"));
    }
  }

  @Test
  void emptyPasswordIsRefused() {
    StringWriter out = new StringWriter();
    assertThat(cli("\n", out, "user", "add", "dave")).isNotZero();
    assertThat(home.resolve("config/platform.json")).doesNotExist();
  }

  @Test
  void initWithTlsWritesACertificateTheGatewayServes() throws Exception {
    StringWriter out = new StringWriter();
    assertThat(cli("", out, "init", "--tls")).isZero();
    assertThat(out.toString()).contains("config/tls/server.crt").contains("TLS enabled");
    assertThat(java.nio.file.Files.getPosixFilePermissions(home.resolve("config/tls/server.key")))
        .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ, java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    assertThat(cli("again\n", out, "user", "add", "erin")).isZero();
    PlatformConfig stored = PlatformConfig.load(home.resolve("config/platform.json"), Map.of());
    assertThat(stored.gateway().tls().enabled()).isTrue();
    // Stored relative to the home, so that it can be moved; the test gateway has a home of its own.
    assertThat(stored.gateway().tls().certificateFile()).isEqualTo("config/tls/server.crt");
    PlatformConfig config = stored.withGateway(stored.gateway().withTls(new io.analytics.catalog.config.TlsConfig(
        home.resolve("config/tls/server.crt").toString(), home.resolve("config/tls/server.key").toString(), false)));
    try (TestGateway gateway = TestGateway.start(config)) {
      Properties properties = new Properties();
      properties.setProperty("user", "erin");
      properties.setProperty("password", "again");
      properties.setProperty("sslmode", "verify-full");
      properties.setProperty("sslrootcert", home.resolve("config/tls/server.crt").toString());
      try (Connection connection = DriverManager.getConnection(gateway.jdbcUrl(), properties)) {
        assertThat(connection.isValid(5)).isTrue();
      }
    }
  }

  private static Connection login(TestGateway gateway, String user, String password) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }
}
