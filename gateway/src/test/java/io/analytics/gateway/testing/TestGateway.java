package io.analytics.gateway.testing;

import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.server.GatewayServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A real gateway on a free loopback port over a small lake in a temporary home: {@code
 * bronze.trades} (10,000 rows, hive-partitioned by date) and {@code gold.daily_pnl}.
 */
public final class TestGateway implements AutoCloseable {
  private final Path root;
  private final GatewayServer server;
  private final InetSocketAddress address;

  private TestGateway(Path root, GatewayServer server, InetSocketAddress address) {
    this.root = root;
    this.server = server;
    this.address = address;
  }

  public static TestGateway start() {
    return start(GatewayConfig.defaults());
  }

  public static TestGateway start(GatewayConfig gatewayConfig) {
    return start(PlatformConfig.defaults().withGateway(gatewayConfig));
  }

  /** A gateway with a whole configuration (users, sources); its listen address is always a free loopback port. */
  public static TestGateway start(PlatformConfig platformConfig) {
    try {
      Path root = Files.createTempDirectory("gateway-test");
      PlatformHome home = new PlatformHome(root);
      home.ensureLayout();
      writeSampleLake(home);
      PlatformConfig config = platformConfig.withGateway(platformConfig.gateway().withListen("127.0.0.1", 0));
      GatewayServer server = GatewayServer.forHome(home, config);
      InetSocketAddress address = server.start();
      return new TestGateway(root, server, address);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Writes the sample datasets with DuckDB itself, as the pipelines do. */
  static void writeSampleLake(PlatformHome home) {
    try {
      Files.createDirectories(home.dataDir().resolve("gold").resolve("daily_pnl"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (DuckDbDatabase scratch = DuckDbDatabase.inMemory(io.analytics.catalog.config.DuckDbConfig.defaults())) {
      Path trades = home.dataDir().resolve("bronze").resolve("trades");
      Path pnl = home.dataDir().resolve("gold").resolve("daily_pnl");
      scratch.execute(
          "COPY (SELECT i AS trade_id, "
              + "TIMESTAMPTZ '2024-01-02 09:30:00+00' + to_seconds(i * 60) AS ts, "
              + "'SYM' || (i % 20) AS symbol, CASE WHEN i % 2 = 0 THEN 'BUY' ELSE 'SELL' END AS side, "
              + "CAST(1 + i % 100 AS DECIMAL(18,4)) AS quantity, CAST(100 + (i % 1000) / 10.0 AS DECIMAL(18,4)) AS price, "
              + "DATE '2024-01-02' + CAST(i // 2000 AS INTEGER) AS date "
              + "FROM range(10000) t(i)) TO '" + trades + "' (FORMAT parquet, PARTITION_BY (date))");
      scratch.execute(
          "COPY (SELECT DATE '2024-01-02' + CAST(i // 20 AS INTEGER) AS date, 'SYM' || (i % 20) AS symbol, "
              + "CAST((i * 37) % 1000 - 500 AS DECIMAL(18,2)) AS pnl FROM range(100) t(i)) TO '"
              + pnl.resolve("part-0.parquet") + "' (FORMAT parquet)");
    }
  }

  public int port() {
    return address.getPort();
  }

  public String host() {
    return address.getHostString();
  }

  public PlatformHome home() {
    return new PlatformHome(root);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://127.0.0.1:" + port() + "/lake";
  }

  public Connection connect() throws SQLException {
    return connect(new Properties());
  }

  public Connection connect(Properties extra) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "tester");
    properties.setProperty("ApplicationName", "wire-tests");
    properties.putAll(extra);
    return DriverManager.getConnection(jdbcUrl(), properties);
  }

  public GatewayServer server() {
    return server;
  }

  @Override
  public void close() {
    server.shutdown(2000);
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
