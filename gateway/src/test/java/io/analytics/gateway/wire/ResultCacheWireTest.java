package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.engine.ingest.IngestionPipeline;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.gateway.auth.ScramVerifier;
import io.analytics.gateway.testing.QueryText;
import io.analytics.gateway.testing.TestGateway;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The result cache over pgjdbc (simple protocol, and extended with parameters): a repeated read of the lake is answered from
 * memory, a commit to a dataset it read makes the next run see the new rows, volatile statements
 * are never cached, and one role never gets another's cached result. Hits and misses are read from
 * /metrics.
 */
class ResultCacheWireTest {
  private static final String PASSWORD = "pw-for-tests";
  private TestGateway gateway;
  private int metricsPort;

  @BeforeEach
  void start() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      metricsPort = socket.getLocalPort();
    }
    SecureRandom random = new SecureRandom();
    List<UserConfig> users = List.of(
        new UserConfig("analyst", "analyst", ScramVerifier.create(PASSWORD, random).encode(), null),
        new UserConfig("appuser", "app", ScramVerifier.create(PASSWORD, random).encode(), null));
    gateway = TestGateway.start(PlatformConfig.defaults().withUsers(users)
        .withGateway(GatewayConfig.defaults().withObservability(new ObservabilityConfig(metricsPort, null, null))));
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void aCommitToADatasetTheResultReadMakesTheNextRunSeeTheNewRows() throws Exception {
    String sql = "SELECT count(*), max(trade_id) FROM bronze.trades";
    try (Connection connection = login("analyst")) {
      String before = firstRow(connection, sql);
      assertThat(firstRow(connection, sql)).isEqualTo(before);
      assertThat(counter("hits")).isEqualTo(1);
      assertThat(QueryText.firstColumn(connection, "EXPLAIN " + sql)).contains("Result cache: hit (answered from memory while bronze.trades stay unchanged)");

      commitTrade(99_999L);

      assertThat(QueryText.firstColumn(connection, "EXPLAIN " + sql)).contains("Result cache: miss");
      String after = firstRow(connection, sql);
      assertThat(after).isNotEqualTo(before);
      assertThat(after).isEqualTo((Long.parseLong(before.split(",")[0]) + 1) + ",99999");
      assertThat(counter("hits")).isEqualTo(1);
      // The new result is cached in turn.
      assertThat(firstRow(connection, sql)).isEqualTo(after);
      assertThat(counter("hits")).isEqualTo(2);
    }
  }

  @Test
  void theExtendedProtocolAnswersTheSameParametersFromMemoryUntilACommitToTheDataset() throws Exception {
    String sql = "SELECT count(*), max(trade_id) FROM bronze.trades WHERE trade_id >= ?";
    try (Connection connection = login("analyst", "extended"); PreparedStatement statement = connection.prepareStatement(sql)) {
      String before = firstRow(statement, 0);
      assertThat(firstRow(statement, 0)).isEqualTo(before);
      assertThat(counter("hits")).isEqualTo(1);
      // Another value is another answer, never the one cached for 0.
      assertThat(firstRow(statement, 99_000)).isEqualTo("0,null");
      assertThat(counter("hits")).isEqualTo(1);

      commitTrade(99_999L);

      assertThat(firstRow(statement, 0)).isEqualTo((Long.parseLong(before.split(",")[0]) + 1) + ",99999");
      assertThat(firstRow(statement, 99_000)).isEqualTo("1,99999");
      assertThat(counter("hits")).isEqualTo(1);
      assertThat(firstRow(statement, 99_000)).isEqualTo("1,99999");
      assertThat(counter("hits")).isEqualTo(2);
    }
  }

  @Test
  void aNamedPreparedStatementBoundAgainSeesACommitMadeSinceItsParse() throws Exception {
    String sql = "SELECT count(*), max(trade_id) FROM bronze.trades WHERE trade_id >= ?";
    Properties properties = new Properties();
    properties.setProperty("user", "analyst");
    properties.setProperty("password", PASSWORD);
    // Server-prepared (a named statement) from the first execution: later ones are Bind/Execute only.
    properties.setProperty("prepareThreshold", "1");
    try (Connection connection = DriverManager.getConnection(gateway.jdbcUrl(), properties);
        PreparedStatement statement = connection.prepareStatement(sql)) {
      String before = firstRow(statement, 0);
      assertThat(firstRow(statement, 0)).isEqualTo(before);
      assertThat(firstRow(statement, 0)).isEqualTo(before);

      commitTrade(99_999L);

      assertThat(firstRow(statement, 0)).isEqualTo((Long.parseLong(before.split(",")[0]) + 1) + ",99999");
    }
  }

  @Test
  void aVolatileStatementIsNeverCached() throws Exception {
    try (Connection connection = login("analyst")) {
      for (String sql : List.of("SELECT count(*), random() FROM bronze.trades",
          "SELECT count(*), now() FROM bronze.trades",
          "SELECT count(*) FROM bronze.trades WHERE ts < current_timestamp",
          "SELECT trade_id FROM bronze.trades USING SAMPLE 5 ROWS")) {
        firstRow(connection, sql);
        firstRow(connection, sql);
      }
      String first = firstRow(connection, "SELECT random() < 2, count(*) FROM bronze.trades");
      assertThat(firstRow(connection, "SELECT random() < 2, count(*) FROM bronze.trades")).isEqualTo(first);
      assertThat(counter("hits")).isZero();
      assertThat(counter("misses")).isZero();
      assertThat(QueryText.firstColumn(connection, "EXPLAIN SELECT count(*), random() FROM bronze.trades")).contains("Result cache: not used");
      // A deterministic statement over the same dataset is cached: the counters above could have moved.
      firstRow(connection, "SELECT count(*) FROM bronze.trades");
      firstRow(connection, "SELECT count(*) FROM bronze.trades");
      assertThat(counter("hits")).isEqualTo(1);
    }
  }

  @Test
  void aDifferentRoleNeverGetsAnotherRolesCachedResult() throws Exception {
    String sql = "SELECT symbol, sum(pnl) FROM gold.daily_pnl GROUP BY symbol ORDER BY symbol";
    String analysts;
    try (Connection analyst = login("analyst")) {
      analysts = allRows(analyst, sql);
      assertThat(allRows(analyst, sql)).isEqualTo(analysts);
    }
    assertThat(counter("hits")).isEqualTo(1);
    assertThat(counter("misses")).isEqualTo(1);
    try (Connection app = login("appuser")) {
      assertThat(allRows(app, sql)).isEqualTo(analysts);
      assertThat(counter("hits")).isEqualTo(1);
      assertThat(counter("misses")).isEqualTo(2);
      allRows(app, sql);
      assertThat(counter("hits")).isEqualTo(2);
    }
  }

  @Test
  void aSelectOfLiteralsIsAnsweredFromMemoryWhileCallsOfSessionValuesNeverAre() throws Exception {
    try (Connection simple = login("analyst"); Connection other = login("analyst")) {
      assertThat(firstRow(simple, "SELECT 1")).isEqualTo("1");
      assertThat(firstRow(simple, "SELECT 1")).isEqualTo("1");
      assertThat(counter("hits")).isEqualTo(1);
      assertThat(QueryText.firstColumn(simple, "EXPLAIN SELECT 1")).contains("Result cache: hit (answered from memory: a select of literals reads no table)");
      // Each session's own process id, user and database: never one session's answer for another.
      String pid = firstRow(simple, "SELECT pg_backend_pid()");
      assertThat(firstRow(simple, "SELECT pg_backend_pid()")).isEqualTo(pid);
      assertThat(firstRow(other, "SELECT pg_backend_pid()")).isNotEqualTo(pid);
      firstRow(simple, "SELECT current_user, current_database()");
      firstRow(simple, "SELECT current_user, current_database()");
      assertThat(counter("hits")).isEqualTo(1);
    }
    try (Connection extended = login("analyst", "extended"); PreparedStatement statement = extended.prepareStatement("SELECT 1 AS one")) {
      for (int i = 0; i < 2; i++) {
        try (ResultSet rows = statement.executeQuery()) {
          assertThat(rows.next()).isTrue();
          assertThat(rows.getInt("one")).isEqualTo(1);
        }
      }
      assertThat(counter("hits")).isEqualTo(2);
    }
  }

  @Test
  void aQueryAnsweredFromMemorySeesACommitAtOnceAndFollowsTheSessionsSettings() throws Exception {
    String sql = "SELECT count(*), min(ts) FROM bronze.trades";
    try (Connection connection = login("analyst"); Statement statement = connection.createStatement()) {
      statement.execute("SET TimeZone = 'UTC'");
      String before = firstRow(connection, sql);
      assertThat(firstRow(connection, sql)).isEqualTo(before);
      assertThat(firstRow(connection, sql)).isEqualTo(before);
      assertThat(counter("hits")).isEqualTo(2);

      commitTrade(99_999L);
      // Straight after the commit, with nothing else run in between.
      String after = firstRow(connection, sql);
      assertThat(after.split(",")[0]).isEqualTo(Long.toString(Long.parseLong(before.split(",")[0]) + 1));

      // Another time zone is another answer, never the bytes remembered for UTC.
      statement.execute("SET TimeZone = 'America/New_York'");
      String newYork = firstRow(connection, sql);
      assertThat(newYork).isNotEqualTo(after);
      assertThat(firstRow(connection, sql)).isEqualTo(newYork);
      statement.execute("SET TimeZone = 'UTC'");
      assertThat(firstRow(connection, sql)).isEqualTo(after);
    }
  }

  @Test
  void everyAnswerFromMemoryIsCountedInPgStatStatements() throws Exception {
    try (Connection connection = login("analyst")) {
      for (int i = 0; i < 4; i++) {
        assertThat(firstRow(connection, "SELECT 'ok'")).isEqualTo("ok");
      }
      assertThat(counter("hits")).isEqualTo(3);
      assertThat(firstRow(connection, "SELECT calls, rows FROM pg_stat_statements WHERE query = 'SELECT ?'")).isEqualTo("4,4");
    }
  }

  /** Commits one trade to bronze.trades through the ingest pipeline, as another process would. */
  private void commitTrade(long tradeId) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("trade_id", tradeId);
    row.put("ts", java.time.OffsetDateTime.parse("2024-01-02T10:00:00Z"));
    row.put("symbol", "NEW");
    row.put("side", "BUY");
    row.put("quantity", new java.math.BigDecimal("7"));
    row.put("price", new java.math.BigDecimal("101.5"));
    row.put("date", java.time.LocalDate.parse("2024-01-02"));
    new IngestionPipeline("test", new PipelineConfig(gateway.home(), PlatformConfig.defaults()), "bronze.trades", null, null)
        .ingestRows(List.of(row));
  }

  private Connection login(String user) throws SQLException {
    return login(user, "simple");
  }

  private Connection login(String user, String queryMode) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", PASSWORD);
    properties.setProperty("preferQueryMode", queryMode);
    // Unnamed statements throughout: pgjdbc's switch to a named one (and binary results) after five
    // executions would change the result formats, and with them the key, half-way through a test.
    properties.setProperty("prepareThreshold", "0");
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  private static String firstRow(PreparedStatement statement, long fromTradeId) throws SQLException {
    statement.setLong(1, fromTradeId);
    try (ResultSet rows = statement.executeQuery()) {
      assertThat(rows.next()).isTrue();
      return rows.getString(1) + "," + rows.getString(2);
    }
  }

  private static String firstRow(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      assertThat(rows.next()).isTrue();
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        row.append(i > 1 ? "," : "").append(rows.getString(i));
      }
      return row.toString();
    }
  }

  private static String allRows(Connection connection, String sql) throws SQLException {
    StringBuilder all = new StringBuilder();
    try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        all.append(rows.getString(1)).append('=').append(rows.getString(2)).append('\n');
      }
    }
    return all.toString();
  }

  private long counter(String name) throws Exception {
    String metrics = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + metricsPort + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return metrics.lines().filter(line -> line.startsWith("gateway_result_cache_" + name + " "))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst().orElseThrow(() -> new AssertionError("no gateway_result_cache_" + name + " in /metrics"));
  }
}
