package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Issue 17's unsafe default: each serving instance (the writers', app's and the analysts') has a
 * memory_limit of its own, so they split one budget instead of each taking 40% of RAM. Read over
 * pgjdbc as each role sees it, on the instance its session runs on.
 */
class MemoryBudgetWireTest {
  private static final String PASSWORD = "pw";
  private static final Pattern DUCKDB_SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(bytes|KiB|MiB|GiB|TiB)");

  @Test
  void aConfiguredLimitIsTheTotalTheInstancesSplitWritersFirst() throws Exception {
    PlatformConfig config = PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD))
        .withDuckDb(new DuckDbConfig("1GB", 0, null));
    try (TestGateway gateway = TestGateway.start(config)) {
      long writers = memoryLimit(gateway, "engineer");
      long analysts = memoryLimit(gateway, "analyst");
      long app = memoryLimit(gateway, "appuser");
      assertThat(memoryLimit(gateway, "admin")).as("admins run on the writers' instance").isEqualTo(writers);
      assertThat(writers).isCloseTo(500_000_000L, withinDisplayRounding(500_000_000L));
      assertThat(analysts).isCloseTo(250_000_000L, withinDisplayRounding(250_000_000L));
      assertThat(app).isCloseTo(250_000_000L, withinDisplayRounding(250_000_000L));
      assertThat(writers + analysts + app).isLessThanOrEqualTo(1_000_000_000L);
    }
  }

  @Test
  void byDefaultTheInstancesTogetherTakeFortyPercentOfMemory() throws Exception {
    long budget = fortyPercentAsDuckDbSeesIt();
    try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD)))) {
      long writers = memoryLimit(gateway, "engineer");
      long analysts = memoryLimit(gateway, "analyst");
      long app = memoryLimit(gateway, "appuser");
      assertThat(writers).as("writers get the largest share").isGreaterThan(analysts).isGreaterThan(app);
      // DuckDB shows sizes to one decimal of their unit: allow each of the four values half a step.
      long slack = 4 * roundingOf(budget);
      assertThat(writers + analysts + app).isLessThanOrEqualTo(budget + slack).isGreaterThanOrEqualTo(budget - slack);
    }
  }

  private static org.assertj.core.data.Offset<Long> withinDisplayRounding(long bytes) {
    return org.assertj.core.data.Offset.offset(bytes / 1000); // DuckDB shows sizes with one decimal
  }

  /** 40% of RAM as a DuckDB instance of this machine resolves it. */
  private static long fortyPercentAsDuckDbSeesIt() throws SQLException {
    try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        Statement statement = duckdb.createStatement()) {
      statement.execute("SET memory_limit = '40%'");
      try (ResultSet rows = statement.executeQuery("SELECT current_setting('memory_limit')")) {
        rows.next();
        return bytes(rows.getString(1));
      }
    }
  }

  private static long memoryLimit(TestGateway gateway, String user) throws SQLException {
    try (Connection connection = RoleUsers.login(gateway, user, PASSWORD, "extended");
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_setting('memory_limit')")) {
      assertThat(rows.next()).isTrue();
      return bytes(rows.getString(1));
    }
  }

  /** Half a step of the last decimal DuckDB shows {@code bytes} with (0.05 GiB for "9.3 GiB"). */
  private static long roundingOf(long bytes) {
    long unit = 1;
    while (bytes >= 1024 * unit && unit < (1L << 40)) {
      unit *= 1024;
    }
    return unit / 20 + 1;
  }

  /** DuckDB's display of a size ("476.8 MiB") in bytes. */
  private static long bytes(String shown) {
    Matcher size = DUCKDB_SIZE.matcher(shown);
    assertThat(size.matches()).as("a size: %s", shown).isTrue();
    double unit = switch (size.group(2).toLowerCase(Locale.ROOT)) {
      case "kib" -> 1024.0;
      case "mib" -> 1024.0 * 1024;
      case "gib" -> 1024.0 * 1024 * 1024;
      case "tib" -> 1024.0 * 1024 * 1024 * 1024;
      default -> 1.0;
    };
    return (long) (Double.parseDouble(size.group(1)) * unit);
  }
}
