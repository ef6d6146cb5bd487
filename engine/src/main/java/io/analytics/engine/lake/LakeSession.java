package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.script.SqlScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.duckdb.DuckDBConnection;

/**
 * A pipeline's own in-memory DuckDB with the lake exposed as views ({@code bronze.trades}, ...):
 * pipelines read and write Parquet through it and never open the warehouse file, so they run while
 * a gateway serves the same home. Timestamps without a zone are read as UTC.
 */
public final class LakeSession implements AutoCloseable {
  private final PlatformHome home;
  private final DuckDbDatabase database;
  private final DuckDBConnection connection;
  private final List<String> warnings = new ArrayList<>();

  private LakeSession(PlatformHome home, DuckDbDatabase database) {
    this.home = home;
    this.database = database;
    this.connection = database.connect();
  }

  /** Opens a session with the lake's datasets as views, but without the home's SQL views. */
  public static LakeSession open(PlatformHome home, PlatformConfig config) {
    requireNonNull(home, "home is null");
    requireNonNull(config, "config is null");
    DuckDbDatabase database = DuckDbDatabase.inMemory(config.duckdb(), home.stagingDir().resolve("spill"));
    LakeSession session = new LakeSession(home, database);
    try {
      session.execute("SET TimeZone = 'UTC'");
      session.refreshLakeViews();
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Opens a session and also applies the home's {@code sql/views/*.sql}, so queries may use them. */
  public static LakeSession openWithViews(PlatformHome home, PlatformConfig config) {
    LakeSession session = open(home, config);
    try {
      session.applyViewScripts();
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
    }
  }

  /** Re-creates the views over the lake's datasets (after a commit added one). */
  public void refreshLakeViews() {
    new io.analytics.engine.lake.LakeViews(database, new LakeScanner(home)).refresh();
  }

  /**
   * Runs each file of {@code sql/views/} in name order. A file that fails (it may need a DuckDB
   * table only the warehouse has) is skipped and reported in {@link #warnings()}.
   */
  public void applyViewScripts() {
    Path dir = home.viewsDir();
    if (!Files.isDirectory(dir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList();
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot list " + dir + ": " + e.getMessage(), e);
    }
    for (Path file : files) {
      try {
        for (String statement : SqlScript.split(Files.readString(file, StandardCharsets.UTF_8))) {
          execute(statement);
        }
      } catch (IOException e) {
        throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
      } catch (PlatformException e) {
        warnings.add("view script " + file.getFileName() + " skipped: " + e.getMessage());
      }
    }
  }

  /** Problems met while opening (view scripts that could not be applied). */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }

  public PlatformHome home() {
    return home;
  }

  /** The session's connection; owned by the session. */
  public DuckDBConnection connection() {
    return connection;
  }

  public void execute(String sql) {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  /** The first column of the first row as a long (0 when there is no row or it is null). */
  public long queryLong(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      return rows.next() ? rows.getLong(1) : 0;
    } catch (SQLException e) {
      throw DuckDbErrors.translate(e, sql);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot close DuckDB connection: " + e.getMessage(), e);
    } finally {
      database.close();
    }
  }
}
