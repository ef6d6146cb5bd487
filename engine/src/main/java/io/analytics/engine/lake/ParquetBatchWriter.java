package io.analytics.engine.lake;

import io.analytics.engine.duckdb.SqlIdentifiers;
import static io.analytics.engine.duckdb.SqlIdentifiers.literal;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Has DuckDB write a query's rows as Parquet into a staging folder (COPY ... TO ... (FORMAT
 * parquet, PARTITION_BY ...)), then reads back every footer and forces every file and folder to
 * disk, so the files are ready to be renamed into a dataset.
 */
public final class ParquetBatchWriter {
  private final LakeSession session;
  private final ProgressListener progress;

  public ParquetBatchWriter(LakeSession session, ProgressListener progress) {
    this.session = requireNonNull(session, "session is null");
    this.progress = requireNonNull(progress, "progress is null");
  }

  /**
   * Writes {@code select} below {@code root} (which must not exist yet), hive-partitioned by
   * {@code partitionBy}, with file names starting with {@code filePrefix}. No rows, no files —
   * unless {@code keepEmpty}, which writes one empty file so the dataset keeps its columns.
   */
  public StagedFiles write(String phase, String select, Path root, List<String> partitionBy, String filePrefix, boolean keepEmpty) {
    return write(phase, select, root, partitionBy, filePrefix, keepEmpty, null);
  }

  /** As above, the rows laid out by {@code layout} (sorted, in bounded row groups) when it is not null. */
  public StagedFiles write(
      String phase, String select, Path root, List<String> partitionBy, String filePrefix, boolean keepEmpty, SortedLayout layout) {
    String laidOut = layout == null ? select : layout.ordered(select);
    String options = layout == null ? "" : layout.copyOption();
    String sql;
    if (partitionBy.isEmpty()) {
      createDirectories(root);
      Path file = root.resolve(filePrefix + "-" + UUID.randomUUID() + ".parquet");
      sql = "COPY (" + laidOut + "\n) TO " + literal(file.toString()) + " (FORMAT parquet" + options + ")";
    } else {
      String columns = String.join(", ", partitionBy.stream().map(SqlIdentifiers::quote).toList());
      sql = "COPY (" + laidOut + "\n) TO " + literal(root.toString()) + " (FORMAT parquet, PARTITION_BY (" + columns
          + "), FILENAME_PATTERN " + literal(filePrefix + "-{uuid}") + options + ")";
    }
    long rows = new ProgressingStatement(session.connection(), progress).run(phase, sql);
    if (rows == 0) {
      StagingArea.deleteRecursively(root);
      if (!keepEmpty) {
        return new StagedFiles(root, List.of(), 0);
      }
      createDirectories(root);
      Path file = root.resolve(filePrefix + "-" + UUID.randomUUID() + ".parquet");
      session.execute("COPY (SELECT * FROM (" + select + "\n) LIMIT 0) TO " + literal(file.toString()) + " (FORMAT parquet)");
    }
    List<Path> files = list(root);
    long verified = new ParquetFooterVerifier(session.connection()).verify(files);
    if (verified != rows) {
      throw new PlatformException(
          SqlState.IO_ERROR, "staged files hold " + verified + " rows but DuckDB wrote " + rows);
    }
    TreeSet<Path> directories = new TreeSet<>();
    for (Path file : files) {
      DurableFiles.fsync(file);
      directories.add(file.getParent());
    }
    directories.forEach(DurableFiles::fsyncDirectory);
    return new StagedFiles(root, files, rows);
  }


  private static List<Path> list(Path root) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().endsWith(".parquet")).sorted().toList();
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot list " + root + ": " + e.getMessage(), e);
    }
  }

  private static void createDirectories(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot create " + dir + ": " + e.getMessage(), e);
    }
  }

}
