package io.analytics.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tens of thousands of seeded statements built to slip a write past the guard: write keywords,
 * file functions, engine-wide settings and hidden statements, wrapped in random Unicode whitespace,
 * comments, dollar quotes with odd tags, quoting, CTEs, EXPLAIN ANALYZE and PREPARE. Every one the
 * guard lets through for a role that only reads (and every one the replica guard lets through) is
 * then run on a real DuckDB as the gateway runs it (prepare, then execute), and the warehouse
 * table, the lake's files, the catalog and DuckDB's settings must be exactly as before.
 */
class GuardFuzzTest {
  private static final long SEED = 20261203L;
  private static final int STATEMENTS = 12_000;

  /** Whitespace as DuckDB may read it, and characters the lexer may not. */
  private static final String[] SPACES = {
      " ", " ", " ", "\t", "\n", "\r\n", "\f", "\u000b", "\u00a0", "\u2007", "\ufeff", "\u3000", "\u180e", "\u200b",
      "\u2028", "\u202f", "\u205f", "\u1680", "\u2000", "\u0085", " /**/ ", " /* ; */ ", " -- x\n"};

  private static final String[] TAGS = {"", "a", "€", "٣", "ä", "_", "x1", "$", "ß", "\u00a0", "tag"};

  /** Session settings a read-only role may change; every other setting must stay as it was. */
  private static final Set<String> SESSION_SETTINGS = Set.of(
      "search_path", "schema", "timezone", "calendar", "enable_progress_bar", "enable_progress_bar_print", "progress_bar_time");

  @TempDir
  Path home;

  private Path lake;
  private Connection duckdb;

  @BeforeEach
  void open() throws Exception {
    lake = Files.createDirectories(home.resolve("data/gold/daily_pnl"));
    Files.writeString(lake.resolve("part-0.csv"), "a\n1\n");
    duckdb = DriverManager.getConnection("jdbc:duckdb:" + home.resolve("warehouse.duckdb"));
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("CREATE TABLE t AS SELECT range AS id FROM range(10)");
      statement.execute("CREATE SEQUENCE s");
      statement.execute("SET allowed_directories = ['" + home + "/']");
      statement.execute("SET enable_external_access = false");
    }
  }

  @AfterEach
  void close() throws SQLException {
    duckdb.close();
  }

  @Test
  void nothingLetThroughAsReadOnlyChangesTheWarehouseTheLakeOrASetting() throws Exception {
    StatementGuard analyst = new StatementGuard(Role.ANALYST, home.resolve("data"), new NoCatalog(), () -> "main");
    StatementGuard admin = new StatementGuard(Role.ADMIN, home.resolve("data"), new NoCatalog(), () -> "main");
    StatementGuard app = new StatementGuard(Role.APP, home.resolve("data"), new NoCatalog(), () -> "main");
    Random random = new Random(SEED);
    int allowed = 0;
    int refused = 0;
    String before = snapshot();
    String macrosBefore = macros();
    long guardNanos = 0;
    long runNanos = 0;
    for (int i = 0; i < STATEMENTS; i++) {
      String sql = generate(random);
      long started = System.nanoTime();
      boolean analystAllows = allows(analyst::check, sql);
      boolean appAllows = allows(app::check, sql);
      // On a replica the read-only guard runs before the role's: an admin's is the most permissive.
      boolean replicaAllows = allows(statement -> {
        ReadOnlyGuard.check(statement);
        admin.check(statement);
      }, sql);
      guardNanos += System.nanoTime() - started;
      if (i % 1000 == 999) {
        System.out.printf("fuzz %d: guard %d ms, run %d ms%n", i, guardNanos / 1_000_000, runNanos / 1_000_000);
        assertThat(macros()).as("macros after statement #%d", i).isEqualTo(macrosBefore);
      }
      if (analystAllows || appAllows || replicaAllows) {
        allowed++;
        started = System.nanoTime();
        runAsTheGatewayWould(sql);
        String after = snapshot();
        assertThat(after).as("statement #%d let through (analyst %s, app %s, replica %s): %s", i, analystAllows,
            appAllows, replicaAllows, sql.replace("\n", "\\n")).isEqualTo(before);
        runNanos += System.nanoTime() - started;
      } else {
        refused++;
      }
    }
    assertThat(macros()).isEqualTo(macrosBefore);
    // The generator must produce both kinds, or the test proves nothing.
    assertThat(allowed).as("statements let through").isGreaterThan(STATEMENTS / 50);
    assertThat(refused).as("statements refused").isGreaterThan(STATEMENTS / 2);
  }

  private static boolean allows(Consumer<SqlStatement> guard, String sql) {
    SqlStatement statement;
    try {
      statement = SqlStatement.parse(sql);
    } catch (PlatformException e) {
      return false; // the gateway's lexer rejects it: nothing reaches DuckDB
    }
    try {
      guard.accept(statement);
      return true;
    } catch (PlatformException e) {
      return false;
    }
  }

  /** duckdb_jdbc's prepare runs all statements but the last, then the last is executed. */
  private void runAsTheGatewayWould(String sql) {
    try (PreparedStatement statement = duckdb.prepareStatement(sql)) {
      statement.execute();
    } catch (SQLException e) {
      // An error is fine: the question is only whether something changed.
    }
    try (Statement statement = duckdb.createStatement()) {
      statement.execute("USE main");
      statement.execute("RESET search_path");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The macros: listing DuckDB's functions is slow, so it is compared every few hundred statements and at the end. */
  private String macros() throws SQLException {
    return query("SELECT string_agg(schema_name || '.' || function_name, ',' ORDER BY 1) FROM duckdb_functions()"
        + " WHERE NOT internal");
  }

  /** The table's rows, the catalog's objects, the settings and the lake's files. */
  private String snapshot() throws SQLException, IOException {
    StringBuilder state = new StringBuilder();
    state.append(query("SELECT count(*), sum(id), min(id), max(id) FROM main.t"));
    state.append(query("SELECT string_agg(database_name || '.' || schema_name || '.' || table_name, ',' ORDER BY 1)"
        + " FROM duckdb_tables()"));
    state.append(query("SELECT string_agg(schema_name || '.' || view_name, ',' ORDER BY 1) FROM duckdb_views()"
        + " WHERE NOT internal"));
    state.append(query("SELECT string_agg(sequence_name || ':' || coalesce(last_value, -1), ',') FROM duckdb_sequences()"));
    state.append(query("SELECT string_agg(database_name, ',' ORDER BY 1) FROM duckdb_databases()"));
    state.append(query("SELECT string_agg(name || '=' || coalesce(value, ''), ',' ORDER BY name) FROM duckdb_settings()"
        + " WHERE lower(name) NOT IN ('" + String.join("', '", SESSION_SETTINGS) + "')"));
    TreeMap<String, Long> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(home.resolve("data"))) {
      for (Path file : walk.toList()) {
        files.put(home.relativize(file).toString(), Files.isDirectory(file) ? -1 : Files.size(file));
      }
    }
    try (Stream<Path> listing = Files.list(home)) {
      state.append(listing.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith("warehouse.duckdb")).sorted().toList());
    }
    return state.append(files).toString();
  }

  private String query(String sql) throws SQLException {
    try (Statement statement = duckdb.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
      StringBuilder text = new StringBuilder();
      while (rows.next()) {
        for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
          text.append(rows.getString(i)).append('|');
        }
      }
      return text.append('\n').toString();
    }
  }

  // ---------------------------------------------------------------- generator

  private String generate(Random random) {
    String core = pick(random, CORES).replace("'data/", "'" + home + "/data/").replace("\"data/", "\"" + home + "/data/");
    String statement = switch (random.nextInt(12)) {
      case 0 -> "SELECT $" + tag(random) + "$ ' $" + tag(random) + "$;" + space(random) + core + ";" + space(random) + "--'";
      case 1 -> "WITH d AS (" + core + " RETURNING *) SELECT count(*) FROM d";
      case 2 -> "EXPLAIN" + space(random) + "ANALYZE" + space(random) + core;
      case 3 -> "PREPARE p" + random.nextInt(1000) + space(random) + "AS" + space(random) + core;
      case 4 -> "SELECT 1;" + space(random) + core;
      case 5 -> "SELECT '" + tag(random) + "';" + core;
      case 6 -> "SELECT $" + tag(random) + "$" + core + "$" + tag(random) + "$";
      case 7 -> "SELECT count(*) FROM t WHERE id < 3 /*" + tag(random) + "*/";
      case 8 -> "(" + core + ")";
      case 9 -> "SELECT \"" + core.replace("\"", "") + "\" FROM t";
      default -> core;
    };
    return respace(random, statement);
  }

  private static final List<String> CORES = List.of(
        "DELETE FROM t WHERE id < 6", "DELETE FROM main.t", "UPDATE t SET id = id + 100", "INSERT INTO t VALUES (99)",
        "INSERT INTO t SELECT 42", "TRUNCATE t", "DROP TABLE t", "ALTER TABLE t ADD COLUMN x INT",
        "CREATE TABLE x AS SELECT 1", "CREATE TEMP TABLE x AS SELECT 1", "CREATE VIEW v AS SELECT 1",
        "CREATE MACRO m() AS 1", "CREATE SCHEMA gold", "CREATE SEQUENCE s2", "COMMENT ON TABLE t IS 'x'",
        "COPY (SELECT 1) TO 'data/gold/daily_pnl/part-9.csv'", "COPY t TO 'data/gold/evil.csv'",
        "COPY t FROM 'data/gold/daily_pnl/part-0.csv'", "EXPORT DATABASE 'data/export'",
        "ATTACH 'data/x2.duckdb' AS x2", "ATTACH ':memory:' AS m2", "DETACH m2", "SET memory_limit = '20MB'",
        "SET threads = 1", "SET GLOBAL threads = 1", "RESET memory_limit", "PRAGMA threads = 1",
        "SET enable_progress_bar = true", "CHECKPOINT", "VACUUM", "SELECT nextval('s')", "SELECT setval('s', 5)",
        "SELECT * FROM read_text('data/gold/daily_pnl/part-0.csv')", "FROM \"data/gold/daily_pnl/part-0.csv\"",
        "FROM 'data/gold/daily_pnl/part-0.csv'", "SELECT * FROM glob('data/*')", "CALL enable_logging()",
        "CALL checkpoint()", "SELECT * FROM query('DELETE FROM t')", "INSTALL httpfs", "LOAD json",
        "SELECT count(*) FROM t", "SELECT trim(leading 'x' from 'xxxhello')", "SELECT position('a' in 'bab')",
        "SELECT replace('a', 'b', 'c')", "FROM t", "USE main", "SET search_path = 'main'",
        "WITH d AS (DELETE FROM t WHERE id < 8 RETURNING *) SELECT count(*) FROM d",
        "WITH d AS (UPDATE t SET id = 0 RETURNING *) SELECT 1", "MERGE INTO t USING t AS s ON t.id = s.id WHEN MATCHED THEN DELETE");

  /** Replaces some of the statement's spaces with others DuckDB may read as whitespace. */
  private static String respace(Random random, String statement) {
    if (random.nextInt(4) == 0) {
      return statement;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < statement.length(); i++) {
      char c = statement.charAt(i);
      if (c == ' ' && random.nextInt(3) == 0) {
        out.append(space(random));
      } else if (Character.isLetter(c) && random.nextInt(20) == 0) {
        out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String space(Random random) {
    return SPACES[random.nextInt(SPACES.length)];
  }

  private static String tag(Random random) {
    return TAGS[random.nextInt(TAGS.length)];
  }

  private static String pick(Random random, List<String> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Nothing needs the catalog here: no table is held by another layer. */
  private static final class NoCatalog implements CatalogLookup {
    @Override
    public String parseTree(String sql) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Set<String> schemasHolding(String name) {
      return Set.of();
    }
  }
}
