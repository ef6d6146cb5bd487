package io.analytics.engine.script;

import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.duckdb.SqlErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Applies the migrations of {@code sql/migrations/} to the warehouse in version order, each once,
 * each in its own transaction together with its row in {@code platform.schema_history} (version,
 * script, checksum, when, how long). A migration changed after it was applied is refused.
 */
public final class MigrationRunner {
  public static final String HISTORY_TABLE = "platform.schema_history";

  private final Connection connection;
  private final Path directory;

  public MigrationRunner(Connection connection, Path directory) {
    this.connection = requireNonNull(connection, "connection is null");
    this.directory = requireNonNull(directory, "directory is null");
  }

  /** What a run did. */
  public record Outcome(List<Migration> applied, int alreadyApplied) {
    public Outcome {
      applied = List.copyOf(applied);
    }
  }

  /** The migration files, in version order; two files with one version are an error. */
  public List<Migration> migrations() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Migration> migrations;
    try (Stream<Path> files = Files.list(directory)) {
      migrations = files.filter(f -> f.getFileName().toString().endsWith(".sql"))
          .map(Migration::read)
          .sorted(java.util.Comparator.comparingInt(Migration::version))
          .toList();
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot list " + directory + ": " + e.getMessage(), e);
    }
    for (int i = 1; i < migrations.size(); i++) {
      if (migrations.get(i).version() == migrations.get(i - 1).version()) {
        throw new PlatformException(SqlState.DUPLICATE_OBJECT, "two migrations have version " + migrations.get(i).version()
            + ": " + migrations.get(i - 1).fileName() + " and " + migrations.get(i).fileName());
      }
    }
    return migrations;
  }

  public Outcome migrate() {
    ScriptRunner runner = new ScriptRunner(connection);
    runner.execute("CREATE SCHEMA IF NOT EXISTS platform");
    runner.execute("CREATE TABLE IF NOT EXISTS " + HISTORY_TABLE + " (version INTEGER PRIMARY KEY, description VARCHAR,"
        + " script VARCHAR, checksum VARCHAR, installed_on TIMESTAMPTZ, execution_ms BIGINT)");
    Map<Integer, String[]> history = new HashMap<>();
    int latest = 0;
    var rows = runner.execute("SELECT version, script, checksum FROM " + HISTORY_TABLE).rows();
    for (List<Object> row : rows.rows()) {
      int version = Integer.parseInt(String.valueOf(row.get(0)));
      history.put(version, new String[] {String.valueOf(row.get(1)), String.valueOf(row.get(2))});
      latest = Math.max(latest, version);
    }
    List<Migration> applied = new ArrayList<>();
    int already = 0;
    for (Migration migration : migrations()) {
      String[] recorded = history.get(migration.version());
      if (recorded != null) {
        if (!recorded[1].equals(migration.checksum())) {
          throw new PlatformException(
              SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
              "migration " + migration.fileName() + " was changed after it was applied (recorded checksum "
                  + recorded[1].substring(0, 12) + "…, now " + migration.checksum().substring(0, 12)
                  + "…): restore it and put the change in a new migration");
        }
        already++;
        continue;
      }
      if (migration.version() < latest) {
        throw new PlatformException(
            SqlState.OBJECT_NOT_IN_PREREQUISITE_STATE,
            "migration " + migration.fileName() + " is older than the latest applied version " + latest
                + ": give it a higher version number");
      }
      apply(migration, runner);
      applied.add(migration);
      latest = migration.version();
    }
    return new Outcome(applied, already);
  }

  private void apply(Migration migration, ScriptRunner runner) {
    long start = System.nanoTime();
    try {
      connection.setAutoCommit(false);
      try {
        runner.run(migration.script(), ScriptVariables.none(), migration.fileName());
        long millis = (System.nanoTime() - start) / 1_000_000;
        runner.execute("INSERT INTO " + HISTORY_TABLE + " VALUES (" + migration.version() + ", "
            + literal(migration.description()) + ", " + literal(migration.fileName()) + ", "
            + literal(migration.checksum()) + ", " + literal(Instant.now().toString()) + "::TIMESTAMPTZ, " + millis + ")");
        connection.commit();
      } catch (PlatformException e) {
        connection.rollback();
        throw new PlatformException(e.sqlState(), "migration failed, nothing of it was applied: " + e.getMessage(), e);
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw SqlErrors.translate(e, "COMMIT");
    }
  }
}
