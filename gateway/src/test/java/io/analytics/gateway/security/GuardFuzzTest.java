package io.analytics.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.testing.HiddenWriteStatements;
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
    HiddenWriteStatements statements = new HiddenWriteStatements(new Random(SEED), home.toString(), "t");
    int allowed = 0;
    int refused = 0;
    String before = snapshot();
    String macrosBefore = macros();
    long guardNanos = 0;
    long runNanos = 0;
    for (int i = 0; i < STATEMENTS; i++) {
      String sql = statements.next();
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
