package io.analytics.engine.transform;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.engine.script.ScriptRunner;
import io.analytics.engine.script.ScriptVariables;
import io.analytics.engine.warehouse.WarehouseConnection;
import io.analytics.engine.warehouse.WarehouseConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.analytics.engine.lake.ProgressListener;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the home's SQL folders: {@code sql/views/} on the warehouse (so every gateway session sees
 * the views), and {@code sql/materializations/} in name order, each into its Parquet dataset or
 * warehouse table (later materializations see what earlier ones wrote).
 */
public final class SqlFolderRunner {
  private final PipelineConfig config;
  private final WarehouseConnector warehouse;

  public SqlFolderRunner(PipelineConfig config, WarehouseConnector warehouse) {
    this.config = requireNonNull(config, "config is null");
    this.warehouse = requireNonNull(warehouse, "warehouse is null");
  }

  /** Applies every view script to the warehouse; returns the files run. */
  public List<Path> runViews() {
    List<Path> files = sqlFiles(config.home().viewsDir());
    if (files.isEmpty()) {
      return files;
    }
    try (WarehouseConnection connection = warehouse.open()) {
      ScriptRunner runner = new ScriptRunner(connection.jdbc());
      for (Path file : files) {
        runner.runFile(file, ScriptVariables.none());
      }
    }
    return files;
  }

  /** Runs every materialization; returns one line per file. */
  public List<String> runMaterializations() {
    return runMaterializations(ProgressListener.NONE);
  }

  /**
   * Runs every materialization, telling {@code progress} how far each has got (its phases are
   * named after the file: "daily_pnl.sql writing"); returns one line per file.
   */
  public List<String> runMaterializations(ProgressListener progress) {
    List<String> done = new ArrayList<>();
    List<Path> files = sqlFiles(config.home().materializationsDir());
    FileProgress perFile = new FileProgress(progress);
    try (TransformationPipeline pipeline =
        new TransformationPipeline(config, warehouse, io.analytics.engine.lake.CommitHooks.NONE, perFile)) {
      for (Path file : files) {
        perFile.file = file.getFileName().toString();
        Materialization materialization = Materialization.read(file);
        try {
          if (materialization.hasTarget()) {
            TransformResult result = pipeline.transformSql(
                materialization.body(),
                materialization.target().name(),
                materialization.format(),
                materialization.target().layer(),
                materialization.partitionBy(),
                materialization.sortBy());
            done.add(file.getFileName() + " -> " + result.summary());
          } else {
            try (WarehouseConnection connection = warehouse.open()) {
              new ScriptRunner(connection.jdbc()).runFile(file, ScriptVariables.none());
            }
            done.add(file.getFileName() + " -> script run on the warehouse");
          }
        } catch (PlatformException e) {
          throw new PlatformException(e.sqlState(), file.getFileName() + ": " + e.getMessage(), e);
        }
      }
    }
    return done;
  }

  /** Names each phase after the file that runs, so one listener tells the files apart. */
  private static final class FileProgress implements ProgressListener {
    private final ProgressListener to;
    private volatile String file = "";

    FileProgress(ProgressListener to) {
      this.to = requireNonNull(to, "to is null");
    }

    @Override
    public void started(String phase) {
      to.started(file + " " + phase);
    }

    @Override
    public void progress(String phase, double percent) {
      to.progress(file + " " + phase, percent);
    }

    @Override
    public void finished(String phase) {
      to.finished(file + " " + phase);
    }
  }

  static List<Path> sqlFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return new ArrayList<>();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return new ArrayList<>(list.filter(f -> f.getFileName().toString().endsWith(".sql")).sorted().toList());
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot list " + dir + ": " + e.getMessage(), e);
    }
  }
}
