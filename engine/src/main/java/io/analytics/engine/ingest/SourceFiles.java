package io.analytics.engine.ingest;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.lake.BatchIds;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The files a {@code FILE_OR_GLOB} argument names ({@code trades.csv}, {@code in/*.csv},
 * {@code in/**}{@code /*.parquet}), their format by extension and their content hash.
 */
public record SourceFiles(List<Path> files, Format format) {
  /** File formats DuckDB reads for us. */
  public enum Format {
    CSV,
    PARQUET
  }

  public SourceFiles {
    files = List.copyOf(files);
  }

  public static SourceFiles expand(String fileOrGlob) {
    List<Path> files = new ArrayList<>();
    if (!hasGlob(fileOrGlob)) {
      Path file = Path.of(fileOrGlob).toAbsolutePath().normalize();
      if (!Files.isRegularFile(file)) {
        throw new PlatformException(SqlState.UNDEFINED_FILE, "no such file: " + fileOrGlob);
      }
      files.add(file);
    } else {
      Path pattern = Path.of(fileOrGlob).toAbsolutePath().normalize();
      Path base = pattern.getRoot();
      for (Path part : pattern) {
        if (hasGlob(part.toString())) {
          break;
        }
        base = base.resolve(part);
      }
      PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + pattern);
      if (Files.isDirectory(base)) {
        try (Stream<Path> walk = Files.walk(base)) {
          walk.filter(Files::isRegularFile).filter(matcher::matches).sorted().forEach(files::add);
        } catch (IOException e) {
          throw new PlatformException(SqlState.IO_ERROR, "cannot list " + base + ": " + e.getMessage(), e);
        }
      }
      if (files.isEmpty()) {
        throw new PlatformException(SqlState.UNDEFINED_FILE, "no files match " + fileOrGlob);
      }
    }
    Format format = formatOf(files.get(0));
    for (Path file : files) {
      if (formatOf(file) != format) {
        throw new PlatformException(
            SqlState.INVALID_PARAMETER_VALUE, fileOrGlob + " mixes CSV and Parquet files; ingest them separately");
      }
    }
    return new SourceFiles(files, format);
  }

  /** SHA-256 over the files' contents (in name order), so the same data has the same hash wherever it lies. */
  public String contentHash() {
    MessageDigest all = BatchIds.sha256();
    byte[] buffer = new byte[1 << 20];
    for (Path file : files) {
      MessageDigest one = BatchIds.sha256();
      try (InputStream in = Files.newInputStream(file)) {
        int read;
        while ((read = in.read(buffer)) > 0) {
          one.update(buffer, 0, read);
        }
      } catch (IOException e) {
        throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
      }
      all.update(one.digest());
    }
    return HexFormat.of().formatHex(all.digest());
  }

  /** How the files are described in the ledger. */
  public String description() {
    return files.size() == 1 ? files.get(0).toString() : files.size() + " files in " + files.get(0).getParent();
  }

  private static Format formatOf(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".parquet")) {
      return Format.PARQUET;
    }
    if (name.endsWith(".csv") || name.endsWith(".csv.gz") || name.endsWith(".tsv") || name.endsWith(".txt")) {
      return Format.CSV;
    }
    throw new PlatformException(
        SqlState.INVALID_PARAMETER_VALUE, "cannot tell the format of " + file + ": name it .csv or .parquet");
  }

  private static boolean hasGlob(String text) {
    return text.contains("*") || text.contains("?") || text.contains("[") || text.contains("{");
  }
}
