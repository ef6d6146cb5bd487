package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.TlsConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.ScramVerifier;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.TestGateway;
import io.analytics.gateway.tls.SelfSignedCertificate;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS from pgjdbc and psql: sslmode=require and verify-full, SCRAM with channel binding, and TLS required. */
class TlsWireTest {
  private static final String PASSWORD = "tls-secret";

  @TempDir Path dir;

  private PlatformConfig config(boolean required) {
    Path certificate = dir.resolve("server.crt");
    Path key = dir.resolve("server.key");
    SelfSignedCertificate.write(certificate, key);
    GatewayConfig gateway = GatewayConfig.defaults().withTls(new TlsConfig(certificate.toString(), key.toString(), required));
    UserConfig alice = new UserConfig("alice", "analyst", ScramVerifier.create(PASSWORD, new SecureRandom()).encode(), null);
    return PlatformConfig.defaults().withGateway(gateway).withUsers(List.of(alice));
  }

  private static Connection connect(TestGateway gateway, String... settings) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "alice");
    properties.setProperty("password", PASSWORD);
    for (int i = 0; i < settings.length; i += 2) {
      properties.setProperty(settings[i], settings[i + 1]);
    }
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static long trades(Connection connection) throws SQLException {
    try (ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM bronze.trades")) {
      rows.next();
      return rows.getLong(1);
    }
  }

  @Test
  void pgjdbcVerifiesTheCertificateAndBindsScramToIt() throws Exception {
    try (TestGateway gateway = TestGateway.start(config(false))) {
      try (Connection connection = connect(gateway, "sslmode", "verify-full", "sslrootcert", dir.resolve("server.crt").toString(),
          "channelBinding", "require")) {
        assertThat(trades(connection)).isEqualTo(10_000);
      }
      try (Connection connection = connect(gateway, "sslmode", "require")) {
        assertThat(trades(connection)).isEqualTo(10_000);
      }
      try (Connection plain = connect(gateway, "sslmode", "disable")) {
        assertThat(trades(plain)).as("TLS is optional unless required").isEqualTo(10_000);
      }
      assertThatThrownBy(() -> connect(gateway, "sslmode", "disable", "channelBinding", "require"))
          .as("no channel binding without TLS").isInstanceOf(SQLException.class);
    }
  }

  @Test
  void requiredTlsRefusesPlainConnections() throws Exception {
    try (TestGateway gateway = TestGateway.start(config(true))) {
      assertThatThrownBy(() -> connect(gateway, "sslmode", "disable"))
          .isInstanceOfSatisfying(SQLException.class, e -> {
            assertThat(e.getSQLState()).isEqualTo("28000");
            assertThat(e.getMessage()).contains("sslmode=require");
          });
      try (Connection connection = connect(gateway, "sslmode", "require")) {
        assertThat(trades(connection)).isEqualTo(10_000);
      }
    }
  }

  @Test
  void psqlConnectsWithVerifyFullAndChannelBinding() throws Exception {
    Path psql = PsqlBinary.find();
    assumeTrue(psql != null, "psql is not on PATH");
    try (TestGateway gateway = TestGateway.start(config(true))) {
      String conninfo = "host=127.0.0.1 port=" + gateway.port() + " dbname=lake user=alice sslmode=verify-full sslrootcert="
          + dir.resolve("server.crt") + " channel_binding=require";
      ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-A", "-t", "-w", "-d", conninfo,
          "-c", "SELECT count(*) FROM bronze.trades", "-c", "\\conninfo");
      builder.environment().put("PGPASSWORD", PASSWORD);
      builder.redirectErrorStream(true);
      Process process = builder.start();
      process.getOutputStream().close();
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(output).startsWith("10000\n").contains("SSL connection (protocol: TLSv1.");
    }
  }
}
