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
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The fixture of the Spark tests: a home with a small demo lake, a gateway serving it, and one
 * Spark process ({@link SparkShell}) whose catalog {@code lake} is the platform's Iceberg catalog,
 * configured with exactly the properties {@code analytics iceberg status} prints. Values are
 * compared normalized ({@link Values}).
 */
final class SparkLake implements AutoCloseable {
  static final String CATALOG = IcebergConfig.DEFAULT_NAME;

  final PlatformHome home;
  final GatewayServer gateway;
  final int port;
  final SparkProcess spark;

  private SparkLake(PlatformHome home, GatewayServer gateway, int port, SparkProcess spark) {
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
    SparkProcess spark = SparkProcess.start(CATALOG, LakeCatalog.sharedProperties(home, config.iceberg()),
        Path.of("target", "spark.log").toAbsolutePath());
    return new SparkLake(home, gateway, address.getPort(), spark);
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
  List<List<String>> gatewayRows(String sql) throws SQLException {
    try (Connection connection = connect(); ResultSet rows = connection.createStatement().executeQuery(sql)) {
      ResultSetMetaData meta = rows.getMetaData();
      List<List<String>> result = new ArrayList<>();
      while (rows.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.add(Values.normalized(rows.getObject(i)));
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

  @Override
  public void close() throws Exception {
    try {
      spark.close();
    } finally {
      gateway.shutdown(1_000);
    }
  }
}
