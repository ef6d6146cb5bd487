package io.analytics.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.replica.ReplicaSearchPath;
import io.analytics.gateway.testing.AuditedRefusals;
import io.analytics.gateway.testing.HiddenWriteStatements;
import io.analytics.gateway.testing.RoleUsers;
import io.analytics.gateway.testing.TestGateway;
import io.analytics.gateway.testing.TierAttacks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Privilege by construction for read-only roles: the instance analysts run on holds the warehouse
 * as a READ_ONLY snapshot, reads only the layer folders and the snapshots, and has its
 * configuration locked. With the statement guard out of the way (statements run straight on a
 * connection of that instance, as a session's prepare and execute would run them), every attack of
 * issue 17 and thousands of generated hidden writes leave the warehouse, the settings and every
 * file outside the layer folders unchanged because DuckDB refuses them. And readers still see what
 * writers committed before their statement started.
 */
class ReaderTierTest {
  private static final String PASSWORD = "pw-for-tests";
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws Exception {
    gateway = TestGateway.start(PlatformConfig.defaults().withUsers(RoleUsers.withPassword(PASSWORD)));
    try (Connection connection = login("engineer"); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE main.t AS SELECT range AS id FROM range(10)");
      statement.execute("CREATE SEQUENCE main.s");
    }
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static Connection login(String user) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", PASSWORD);
    return DriverManager.getConnection(gateway.jdbcUrl(), properties);
  }

  @Test
  void analystsSeeEveryRowCommittedBeforeTheirStatement() throws Exception {
    try (Connection engineer = login("engineer");
        Connection analyst = login("analyst");
        Statement writes = engineer.createStatement();
        Statement reads = analyst.createStatement()) {
      writes.execute("CREATE TABLE main.fresh (id INTEGER)");
      for (int round = 1; round <= 5; round++) {
        writes.execute("INSERT INTO main.fresh VALUES (" + round + ")");
        try (ResultSet rows = reads.executeQuery("SELECT count(*), max(id) FROM main.fresh")) {
          rows.next();
          assertThat(rows.getInt(1)).as("rows seen after commit %d", round).isEqualTo(round);
          assertThat(rows.getInt(2)).isEqualTo(round);
        }
      }
      // Extended protocol, prepared once and executed after each commit.
      try (PreparedStatement count = analyst.prepareStatement("SELECT count(*) FROM main.fresh WHERE id > ?")) {
        for (int round = 6; round <= 8; round++) {
          writes.execute("INSERT INTO main.fresh VALUES (" + round + ")");
          count.setInt(1, 0);
          try (ResultSet rows = count.executeQuery()) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(round);
          }
        }
      }
    }
  }

  @Test
  void everyTiersInstanceHasItsConfigurationLocked() throws Exception {
    for (String user : List.of("analyst", "appuser", "engineer", "admin")) {
      try (Connection connection = login(user); Statement statement = connection.createStatement();
          ResultSet rows = statement.executeQuery("SELECT current_setting('lock_configuration')::VARCHAR")) {
        rows.next();
        assertThat(rows.getString(1)).as(user).isEqualTo("true");
      }
    }
    // A locked tier's session still takes PostgreSQL's settings and its own TimeZone for the values it is sent.
    try (Connection analyst = login("analyst"); Statement statement = analyst.createStatement()) {
      statement.execute("SET TimeZone = 'Europe/Paris'");
      try (ResultSet rows = statement.executeQuery("SELECT 7 / 2, NULL, current_setting('TimeZone')")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(3);
        assertThat(rows.getString(3)).isEqualTo("Europe/Paris");
      }
    }
  }

  @Test
  void analystsCannotReplaceOrDropALakeViewOverTheWire() throws Exception {
    String lake = "SELECT count(*) || ':' || hash(list(d ORDER BY d::VARCHAR)::VARCHAR) FROM gold.daily_pnl d";
    String before = analystReads(lake);
    List<String> attacks = List.of("CREATE OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake",
        "CREATE\u00a0OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake", "DROP VIEW gold.daily_pnl",
        "CREATE OR REPLACE VIEW lake.gold.daily_pnl AS SELECT 1 AS fake", "CREATE TABLE gold.planted AS SELECT 1 AS a",
        "USE gold; CREATE TABLE planted AS SELECT 1 AS a");
    TierAttacks.assertRefusedOverBothProtocols(gateway, "analyst", PASSWORD, attacks);
    assertThat(analystReads(lake)).isEqualTo(before);
    assertThat(AuditedRefusals.texts(gateway, attacks.size())).containsAll(attacks.subList(0, attacks.size() - 1));
  }

  private static String analystReads(String sql) throws SQLException {
    try (Connection analyst = login("analyst"); ResultSet rows = analyst.createStatement().executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

  @Test
  void withoutTheGuardDuckDbRefusesEveryAttackOnTheReadersInstance() throws Exception {
    DuckDbDatabase readers = gateway.server().services().instances().readerTier().database();
    DuckDbDatabase warehouse = gateway.server().services().instances().database();
    String before = warehouseState(warehouse) + readerSettings(readers) + readerCatalog(readers) + protectedFiles();
    List<String> attacks = new ArrayList<>(issueAttacks());
    HiddenWriteStatements generated = new HiddenWriteStatements(new Random(20261203L), gateway.home().root().toString(), "t");
    for (int i = 0; i < 3000; i++) {
      attacks.add(generated.next());
    }
    List<String> succeeded = new ArrayList<>();
    try (Connection connection = readers.connect()) {
      for (String sql : attacks) {
        if (runAsASessionWould(connection, sql) && issueAttacks().contains(sql)) {
          succeeded.add(sql);
        }
      }
    }
    assertThat(warehouseState(warehouse) + readerSettings(readers) + readerCatalog(readers) + protectedFiles())
        .isEqualTo(before);
    // Writes DuckDB itself refused on this instance: none of these may have run.
    // What did run: reading a layer's file, and CHECKPOINT/VACUUM of the instance's own in-memory catalog.
    assertThat(java.util.Set.copyOf(succeeded)).containsExactlyInAnyOrder("CHECKPOINT", "VACUUM", "SELECT * FROM read_parquet('"
        + gateway.home().dataDir().resolve("gold/daily_pnl/part-0.parquet") + "')");
  }

  /** The routes of SecurityBypassWireTest and issue 17, written plainly: no guard to hide them from. */
  private static List<String> issueAttacks() {
    Path home = gateway.home().root();
    String gold = gateway.home().dataDir().resolve("gold/daily_pnl/part-0.parquet").toString();
    return List.of(
        "DELETE FROM t", "DELETE FROM t WHERE id < 5", "DROP TABLE t", "UPDATE t SET id = id + 100",
        "INSERT INTO t VALUES (99)", "TRUNCATE t", "CREATE TABLE main.planted AS SELECT 1 AS a",
        "CREATE OR REPLACE VIEW main.v AS SELECT 1 AS fake", "ALTER TABLE t ADD COLUMN x INTEGER",
        "SELECT nextval('s')", "CHECKPOINT", "VACUUM",
        "SET memory_limit = '20MB'", "SET threads = 1", "SET GLOBAL threads = 1", "RESET memory_limit",
        "SET enable_external_access = true", "SET allowed_directories = ['/']", "SET temp_directory = '" + home + "'",
        "SET lock_configuration = false", "PRAGMA memory_limit = '20MB'", "SET profile_output = '" + home + "/p.txt'",
        "ATTACH '" + gateway.home().dataDir().resolve("x2.duckdb") + "' AS x2",
        "ATTACH '" + gateway.home().warehouseFile() + "' AS w2",
        "COPY t TO '" + home + "/config/evil.csv'", "COPY t TO '" + gateway.home().dataDir().resolve("evil.csv") + "'",
        "EXPORT DATABASE '" + gateway.home().dataDir().resolve("export") + "'",
        "SELECT * FROM read_text('" + gateway.home().dataDir().resolve("_ingest_log.jsonl") + "')",
        "SELECT * FROM read_text('" + home + "/config/platform.json')",
        "SELECT * FROM read_blob('" + gateway.home().warehouseFile() + "')",
        "SELECT * FROM glob('" + home + "/warehouse/*')",
        "SELECT * FROM '" + home + "/warehouse/logs/audit.jsonl'",
        "SELECT * FROM query('DELETE FROM t')",
        "WITH d AS (DELETE FROM t WHERE id < 8 RETURNING *) SELECT count(*) FROM d",
        "WITH d AS (INSERT INTO t VALUES (99) RETURNING *) SELECT count(*) FROM d",
        "SELECT 1; DELETE FROM t", "COMMIT; DELETE FROM t", "INSTALL httpfs", "LOAD httpfs",
        "CREATE SECRET s1 (TYPE s3, KEY_ID 'x', SECRET 'y')",
        "SELECT * FROM read_parquet('" + gold + "')",
        // The lake's views and the instance's own catalog: shared by every analyst, so DuckDB must refuse these too.
        "CREATE OR REPLACE VIEW gold.daily_pnl AS SELECT 1 AS fake", "CREATE OR REPLACE VIEW lake.gold.daily_pnl AS SELECT 1",
        "DROP VIEW gold.daily_pnl", "DROP VIEW lake.gold.daily_pnl", "DROP SCHEMA lake.gold CASCADE",
        "ALTER VIEW gold.daily_pnl RENAME TO renamed", "COMMENT ON VIEW gold.daily_pnl IS 'fake'",
        "CREATE VIEW gold.planted AS SELECT 1 AS a", "CREATE TABLE gold.planted AS SELECT 1 AS a",
        "CREATE TABLE planted AS SELECT 1 AS a", "CREATE TABLE readers.main.planted AS SELECT 1 AS a",
        "CREATE SCHEMA readers.gold", "CREATE SCHEMA planted", "CREATE MACRO planted() AS 1",
        "CREATE MACRO gold.daily_pnl() AS TABLE SELECT 1 AS fake", "CREATE SEQUENCE planted_seq",
        "CREATE TYPE planted_type AS INTEGER", "ATTACH ':memory:' AS m3", "USE readers; CREATE TABLE planted (a INTEGER)");
  }

  /** duckdb_jdbc's prepare runs all statements but the last, then the last is executed; the session's path is restored after. */
  private static boolean runAsASessionWould(Connection connection, String sql) throws SQLException {
    return TierAttacks.runAsASessionWould(connection, sql,
        new ReplicaSearchPath(io.analytics.gateway.replica.ReaderTier.LAKE_CATALOG).duckDbSearchPath(List.of("main")));
  }

  private static String warehouseState(DuckDbDatabase warehouse) {
    return query(warehouse, "SELECT count(*), sum(id), min(id), max(id) FROM main.t")
        + query(warehouse, "SELECT string_agg(database_name || '.' || schema_name || '.' || table_name, ',' ORDER BY 1)"
            + " FROM duckdb_tables()")
        + query(warehouse, "SELECT string_agg(schema_name || '.' || view_name, ',' ORDER BY 1) FROM duckdb_views()"
            + " WHERE NOT internal")
        + query(warehouse, "SELECT string_agg(sequence_name || ':' || coalesce(last_value, -1), ',') FROM duckdb_sequences()")
        + query(warehouse, "SELECT string_agg(name || '=' || coalesce(value, ''), ',' ORDER BY name) FROM duckdb_settings()"
            + " WHERE name NOT IN ('search_path', 'schema')");
  }

  private static String readerSettings(DuckDbDatabase readers) {
    return query(readers, "SELECT string_agg(name || '=' || coalesce(value, ''), ',' ORDER BY name) FROM duckdb_settings()"
        + " WHERE name NOT IN ('search_path', 'schema')")
        + query(readers, "SELECT string_agg(database_name, ',' ORDER BY 1) FROM duckdb_databases() WHERE database_name <> 'm2'");
  }

  /** Every object of the readers' instance that sessions share (not their TEMP ones), and what the lake's gold view returns. */
  private static String readerCatalog(DuckDbDatabase readers) {
    return query(readers, "SELECT string_agg(database_name || '.' || schema_name, ',' ORDER BY 1) FROM duckdb_schemas()"
        + " WHERE database_name <> 'temp'")
        + query(readers, "SELECT string_agg(database_name || '.' || schema_name || '.' || view_name || '=' || sql, ',' ORDER BY 1)"
            + " FROM duckdb_views() WHERE NOT internal AND NOT temporary")
        + query(readers, "SELECT string_agg(database_name || '.' || schema_name || '.' || table_name, ',' ORDER BY 1)"
            + " FROM duckdb_tables() WHERE NOT temporary")
        + query(readers, "SELECT string_agg(database_name || '.' || function_name, ',' ORDER BY 1) FROM duckdb_functions()"
            + " WHERE database_name NOT IN ('system', 'temp')")
        + query(readers, "SELECT count(*) FROM duckdb_sequences() WHERE NOT temporary")
        + query(readers, "SELECT count(*), hash(list(d ORDER BY d::VARCHAR)::VARCHAR) FROM lake.gold.daily_pnl d");
  }

  /**
   * The home's files outside the layer folders (which a reader's instance reads, so DuckDB lets it
   * write there too: that is the guard's alone) and outside the folders the gateway itself writes
   * as it runs (the snapshots, the instances' spill, logs).
   */
  private static String protectedFiles() throws IOException {
    Path root = gateway.home().root();
    List<Path> skipped = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      skipped.add(gateway.home().layerDir(layer));
    }
    skipped.add(gateway.home().snapshotsDir());
    skipped.add(gateway.home().warehouseDir());
    TreeMap<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.toList()) {
        if (skipped.stream().noneMatch(file::startsWith)) {
          files.put(root.relativize(file).toString(), Files.isRegularFile(file) ? digest(file) : "dir");
        }
      }
    }
    try (Stream<Path> listing = Files.list(gateway.home().warehouseDir())) {
      files.put("warehouse/", listing.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("warehouse.duckdb"))
          .sorted().toList().toString());
    }
    return files.toString();
  }

  private static String query(DuckDbDatabase database, String sql) {
    try (Connection connection = database.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      StringBuilder text = new StringBuilder();
      while (rows.next()) {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          text.append(rows.getString(i)).append('|');
        }
      }
      return text.append('\n').toString();
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  private static String digest(Path file) throws IOException {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
