package io.analytics.interop.spark;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.demo.DemoLake;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.gateway.cli.AnalyticsCli;
import io.analytics.gateway.server.GatewayServer;
import io.analytics.iceberg.catalog.LakeCatalog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The fixture of the Spark tests: a home with a small demo lake, a gateway serving it, and one
 * Spark session (local[1], no UI, nothing downloaded) whose catalog {@code lake} is the
 * platform's Iceberg catalog, configured with exactly the properties {@code analytics iceberg
 * status} prints. Values are compared normalized (decimals without trailing zeros, instants, dates).
 */
final class SparkLake implements AutoCloseable {
  static final String CATALOG = IcebergConfig.DEFAULT_NAME;

  final PlatformHome home;
  final GatewayServer gateway;
  final int port;
  final SparkSession spark;

  private SparkLake(PlatformHome home, GatewayServer gateway, int port, SparkSession spark) {
    this.home = home;
    this.gateway = gateway;
    this.port = port;
    this.spark = spark;
  }

  static SparkLake start(Path dir) throws Exception {
    PlatformHome home = new PlatformHome(dir);
    cli(home, "init");
    PlatformConfig config = PlatformConfig.load(home.configFile(), Map.of());
    new DemoLake(new PipelineConfig(home, config), 20_000, 20, 20).write();
    GatewayServer gateway = GatewayServer.forHome(home, config.withGateway(config.gateway().withListen("127.0.0.1", 0)));
    InetSocketAddress address = gateway.start();
    SparkSession.Builder builder = SparkSession.builder()
        .master("local[1]")
        .appName("analytics-interop")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog")
        // Each query sees the newest snapshot another process committed.
        .config("spark.sql.catalog." + CATALOG + ".cache-enabled", "false");
    for (Map.Entry<String, String> property : LakeCatalog.sharedProperties(home, config.iceberg()).entrySet()) {
      builder.config("spark.sql.catalog." + CATALOG + "." + property.getKey(), property.getValue());
    }
    return new SparkLake(home, gateway, address.getPort(), builder.getOrCreate());
  }

  static int cli(PlatformHome home, String... args) {
    String[] all = new String[args.length + 2];
    all[0] = "--home";
    all[1] = home.root().toString();
    System.arraycopy(args, 0, all, 2, args.length);
    StringWriter err = new StringWriter();
    int code = AnalyticsCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), all);
    if (code != 0) {
      throw new AssertionError("analytics " + String.join(" ", args) + " failed: " + err);
    }
    return code;
  }

  Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", "checker");
    return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/lake", properties);
  }

  /** The gateway's rows, each value normalized. */
  List<List<Object>> gatewayRows(String sql) throws SQLException {
    try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<List<Object>> result = new ArrayList<>();
      while (rows.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(normalized(rows.getObject(i)));
        }
        result.add(row);
      }
      return result;
    }
  }

  /** The column names of a gateway query. */
  List<String> gatewayColumns(String sql) throws SQLException {
    try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
        names.add(rows.getMetaData().getColumnName(i));
      }
      return names;
    }
  }

  /** Spark's rows, each value normalized. */
  List<List<Object>> sparkRows(String sql) {
    List<List<Object>> result = new ArrayList<>();
    for (Row row : spark.sql(sql).collectAsList()) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < row.size(); i++) {
        values.add(normalized(row.get(i)));
      }
      result.add(values);
    }
    return result;
  }

  static Object normalized(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Double || value instanceof Float) {
      return normalized(new BigDecimal(value.toString()));
    }
    if (value instanceof Number number) {
      return normalized(new BigDecimal(number.toString()));
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    }
    if (value instanceof Instant || value instanceof LocalDate || value == null) {
      return value;
    }
    return value.toString();
  }

  @Override
  public void close() {
    spark.stop();
    gateway.shutdown(1_000);
  }
}
