package io.analytics.gateway.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.server.ServerInternals;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A source's tables look the same to clients whatever the path: psql's {@code \dn}, {@code \dt},
 * {@code \d}, pg_class, information_schema and pgjdbc's metadata give identical answers on the
 * mirror path and on the live path, and the same names query both. The live path's postgres
 * extension cannot be loaded here, so its catalog is simulated with the shape the extension gives
 * DuckDB: a catalog named after the source holding one schema per PostgreSQL schema (exposed or
 * not) with the source's tables in it.
 */
class SourceCatalogPathsTest {
  /** What clients ask; the platform schema's state tables differ between a source that answers and one that does not. */
  private static final List<String> PSQL = List.of(
      "\\dn",
      "\\dt oltp.*",
      "\\d oltp.orders",
      "\\d oltp.sales__orders",
      "SELECT n.nspname, c.relname, c.relkind, c.relnatts FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'platform') AND c.relkind = 'r' ORDER BY 1, 2",
      "SELECT table_schema, table_name, table_type FROM information_schema.tables WHERE table_schema = 'oltp' ORDER BY 2",
      "SELECT table_name, column_name, data_type, ordinal_position FROM information_schema.columns "
          + "WHERE table_schema = 'oltp' ORDER BY 1, 4",
      "SELECT schema_name FROM information_schema.schemata ORDER BY 1",
      "SELECT count(*), sum(qty) FROM oltp.orders",
      "SELECT count(*), sum(qty) FROM oltp.public.orders",
      "SELECT region FROM oltp.sales.orders",
      "SELECT region FROM oltp.sales__orders",
      "SELECT o.symbol FROM oltp.orders o JOIN oltp.sales.orders s ON s.sale_id = o.order_id * 10");

  private static final String MARKER = "--next answer--";

  @Test
  void psqlAndPgjdbcSeeTheSameObjectsOnTheMirrorAndTheLivePath() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    PostgresServer server = PostgresServer.shared();
    String db = server.createDatabase("catalog_paths");
    server.execute(db, "CREATE SCHEMA sales", "CREATE SCHEMA private",
        "CREATE TABLE orders (order_id int4 PRIMARY KEY, symbol text, qty numeric(18,4))",
        "INSERT INTO orders VALUES (1, 'AAA', 1.5), (2, 'BBB', 2)",
        "CREATE TABLE sales.orders (sale_id int8 PRIMARY KEY, region text)",
        "INSERT INTO sales.orders VALUES (10, 'EU')",
        "CREATE TABLE private.secrets (x int4)");
    List<String> exposed = List.of("public", "sales");

    Map<String, String> mirror;
    PostgresSourceConfig reachable = new PostgresSourceConfig("oltp", server.host(), server.port(), db,
        PostgresServer.USER, PostgresServer.PASSWORD, exposed, true, 0, null);
    try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withSources(List.of(reachable)))) {
      assertThat(gateway.server().sourceSync().syncNow().get(0).succeeded()).isTrue();
      mirror = answers(gateway);
    }

    Map<String, String> live;
    // Down, so the gateway mirrors nothing: the attached catalog below is the only copy of the source.
    PostgresSourceConfig down = new PostgresSourceConfig("oltp", "127.0.0.1", 1, db, "nobody", null, exposed, true, 0, null);
    try (TestGateway gateway = TestGateway.start(PlatformConfig.defaults().withSources(List.of(down)))) {
      attachAsTheExtensionWould(ServerInternals.database(gateway.server()));
      live = answers(gateway);
    }

    assertThat(mirror.get("\\dt oltp.*")).isEqualTo("oltp|orders|table|analytics\noltp|sales__orders|table|analytics\n");
    assertThat(mirror.get("\\dn")).contains("oltp|analytics").contains("public|analytics").doesNotContain("sales").doesNotContain("private");
    assertThat(mirror.get("SELECT count(*), sum(qty) FROM oltp.public.orders")).isEqualTo("2|3.5000\n");
    assertThat(mirror.get("getColumns")).contains("oltp.sales__orders.region text");
    assertThat(live).isEqualTo(mirror);
  }

  /**
   * The postgres extension's shape: catalog {@code oltp}, a schema per PostgreSQL schema (DuckDB adds
   * {@code main}), columns in the extension's types (int4 INTEGER, int8 BIGINT, text VARCHAR,
   * numeric(18,4) DECIMAL(18,4)), the same rows.
   */
  private static void attachAsTheExtensionWould(DuckDbDatabase duck) {
    duck.execute("ATTACH ':memory:' AS oltp");
    duck.execute("CREATE SCHEMA oltp.public");
    duck.execute("CREATE SCHEMA oltp.sales");
    duck.execute("CREATE SCHEMA oltp.private");
    duck.execute("CREATE TABLE oltp.public.orders (order_id INTEGER, symbol VARCHAR, qty DECIMAL(18,4))");
    duck.execute("INSERT INTO oltp.public.orders VALUES (1, 'AAA', 1.5), (2, 'BBB', 2)");
    duck.execute("CREATE TABLE oltp.sales.orders (sale_id BIGINT, region VARCHAR)");
    duck.execute("INSERT INTO oltp.sales.orders VALUES (10, 'EU')");
    duck.execute("CREATE TABLE oltp.private.secrets (x INTEGER)");
  }

  /** Each psql command's output, then pgjdbc's metadata, by what was asked. */
  private static Map<String, String> answers(TestGateway gateway) throws Exception {
    Map<String, String> answers = new LinkedHashMap<>();
    // One psql session (the catalog is set up once per session), each command's answer after a marker.
    List<String> commands = new ArrayList<>();
    for (String command : PSQL) {
      commands.add("\\echo " + MARKER);
      commands.add(command);
    }
    PsqlBinary.Result run = PsqlBinary.unaligned(gateway, "analyst", commands.toArray(String[]::new));
    assertThat(run.exitCode()).as(run.out()).isZero();
    String[] outputs = run.out().split(MARKER + "\n", -1);
    assertThat(outputs).hasSize(PSQL.size() + 1);
    for (int i = 0; i < PSQL.size(); i++) {
      answers.put(PSQL.get(i), outputs[i + 1]);
    }
    try (Connection client = gateway.connect()) {
      DatabaseMetaData metadata = client.getMetaData();
      answers.put("getSchemas", rows(metadata.getSchemas(), "TABLE_SCHEM"));
      answers.put("getTables", rows(metadata.getTables(null, "oltp", "%", null), "TABLE_SCHEM", "TABLE_NAME", "TABLE_TYPE"));
      answers.put("getColumns", rows(metadata.getColumns(null, "oltp", "%", "%"), "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "TYPE_NAME"));
    }
    return answers;
  }

  private static String rows(ResultSet rows, String... columns) throws SQLException {
    List<String> lines = new ArrayList<>();
    try (rows) {
      while (rows.next()) {
        List<String> values = new ArrayList<>();
        for (String column : columns) {
          values.add(rows.getString(column));
        }
        lines.add(String.join(".", values.subList(0, Math.min(values.size(), 3)))
            + (values.size() > 3 ? " " + values.get(3) : ""));
      }
    }
    return String.join("\n", lines);
  }
}
