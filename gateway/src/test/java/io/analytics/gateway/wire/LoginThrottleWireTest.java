package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.LimitsConfig;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Password guessing from one address: at most gateway.limits.failedLoginsPerMinute passwords are
 * checked per minute, whatever the client's timeout and however many it sends side by side; every
 * further attempt is refused unchecked, even with the right password, so nothing is learned from
 * it or from how long its answer takes.
 */
class LoginThrottleWireTest {
  private static final int GUESSES_PER_MINUTE = 3;

  @Test
  void atMostTheConfiguredGuessesPerMinuteAreCheckedWhateverTheClientsTimeout() throws Exception {
    UserConfig user = new UserConfig("victim", "analyst", ScramVerifier.create("right", new SecureRandom()).encode(), null);
    GatewayConfig gatewayConfig = GatewayConfig.defaults().withLimits(new LimitsConfig(0, 0, GUESSES_PER_MINUTE, 20));
    try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withGateway(gatewayConfig).withUsers(List.of(user)))) {
      // The right password works, and does not count as a guess.
      login(gateway, "right", 10).close();
      // Twenty wrong guesses side by side, each client giving up after one second.
      ExecutorService pool = Executors.newFixedThreadPool(10);
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String guess = "wrong-" + i;
        answers.add(pool.submit(() -> sqlStateOf(gateway, guess, 1)));
      }
      List<String> states = new ArrayList<>();
      for (Future<String> answer : answers) {
        states.add(answer.get());
      }
      pool.shutdown();
      assertThat(states.stream().filter("28P01"::equals).count()).as("passwords checked: %s", states)
          .isLessThanOrEqualTo(GUESSES_PER_MINUTE);
      // The address is throttled: even the right password is refused unchecked, at once.
      assertThat(sqlStateOf(gateway, "right", 10)).isEqualTo("28000");
      Path audit = gateway.home().warehouseDir().resolve("logs/audit.jsonl");
      long checked = 0;
      for (int attempt = 0; attempt < 100 && checked == 0; attempt++) {
        Thread.sleep(50);
        checked = Files.readAllLines(audit).stream()
            .filter(line -> line.contains("\"login_failed\"") && line.contains("password authentication failed")).count();
      }
      assertThat(checked).isBetween(1L, (long) GUESSES_PER_MINUTE);
    }
  }

  private static Connection login(TestGateway gateway, String password, int timeoutSeconds) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "victim");
    properties.setProperty("password", password);
    properties.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static String sqlStateOf(TestGateway gateway, String password, int timeoutSeconds) {
    try (Connection connection = login(gateway, password, timeoutSeconds)) {
      return "ok";
    } catch (SQLException e) {
      return String.valueOf(e.getSQLState());
    }
  }
}
