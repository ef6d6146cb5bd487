package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.ScramVerifier;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The audit trail: one JSON line per connection event and per statement, with its outcome. */
class AuditLogWireTest {
  @Test
  void connectionsStatementsRefusalsAndFailedLoginsAreAudited() throws Exception {
    UserConfig app = new UserConfig("reporter", "app", ScramVerifier.create("pw", new SecureRandom()).encode(), null);
    try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withUsers(List.of(app)))) {
      Properties properties = new Properties();
      properties.setProperty("user", "reporter");
      properties.setProperty("password", "pw");
      properties.setProperty("ApplicationName", "dashboard");
      properties.setProperty("assumeMinServerVersion", "9.0"); // sends application_name in the startup packet
      try (Connection connection = DriverManager.getConnection(gateway.jdbcUrl(), properties);
          Statement statement = connection.createStatement()) {
        statement.executeQuery("SELECT symbol FROM gold.daily_pnl WHERE pnl > 100").close();
        assertThatThrownBy(() -> statement.executeQuery("SELECT * FROM bronze.trades")).isInstanceOf(SQLException.class);
      }
      properties.setProperty("password", "wrong");
      assertThatThrownBy(() -> DriverManager.getConnection(gateway.jdbcUrl(), properties)).isInstanceOf(SQLException.class);

      Path file = gateway.home().warehouseDir().resolve("logs/audit.jsonl");
      List<JsonNode> lines = waitForLines(file, 5);
      assertThat(lines).extracting(line -> line.get("event").asText())
          .containsSubsequence("connect", "statement", "statement", "disconnect", "login_failed");
      JsonNode connect = lines.stream().filter(line -> line.get("event").asText().equals("connect")).findFirst().orElseThrow();
      assertThat(connect.get("user").asText()).isEqualTo("reporter");
      assertThat(connect.get("application").asText()).isEqualTo("dashboard");
      assertThat(connect.get("role").asText()).isEqualTo("app");
      List<JsonNode> statements = lines.stream().filter(line -> line.get("event").asText().equals("statement")).toList();
      assertThat(statements.get(0).get("statement").asText()).isEqualTo("SELECT SYMBOL FROM GOLD . DAILY_PNL WHERE PNL > ?");
      assertThat(statements.get(0).get("outcome").asText()).isEqualTo("ok");
      assertThat(statements.get(0).get("rows").asLong()).isPositive();
      assertThat(statements.get(1).get("outcome").asText()).isEqualTo("42501");
    }
  }

  private static List<JsonNode> waitForLines(Path file, int expected) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (int attempt = 0; attempt < 100; attempt++) {
      lines.clear();
      if (Files.exists(file)) {
        for (String line : Files.readAllLines(file)) {
          lines.add(json.readTree(line));
        }
      }
      if (lines.size() >= expected) {
        return lines;
      }
      Thread.sleep(50);
    }
    return lines;
  }
}
