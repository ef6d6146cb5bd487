package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.duckdb.DuckDbErrors;
import io.analytics.engine.duckdb.SqlIdentifiers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lake's views for an instance whose clients must not be able to change them (the tier
 * read-only roles share): each refresh builds the views into a new DuckDB file, with a short-lived
 * instance of its own, and attaches it {@code READ_ONLY} under one catalog name in place of the
 * previous file ({@code ATTACH OR REPLACE}: statements already running keep the views they started
 * with). DuckDB itself then refuses {@code CREATE OR REPLACE VIEW gold.daily_pnl}, {@code DROP VIEW}
 * or a new table in a layer schema, from any session, whatever reached it.
 */
public final class ReadOnlyLakeViews implements LakeViewCatalog {
  /** The catalog name the read-only tiers (analysts', app's, a replica's) attach their views' file under. */
  public static final String CATALOG = "lake";
  private static final String PREFIX = "lake-";
  private static final String SUFFIX = ".duckdb";

  private final LakeViews views;
  private final DuckDbDatabase serving;
  private final Path folder;
  private final String catalog;
  private long generation;
  /** The file attached now; null before the first refresh. */
  private Path attached;

  /**
   * @param serving the instance the views are attached to (it also reads the Parquet footers)
   * @param folder where the files are built: one the serving instance may read, and no other writes
   * @param catalog the name the views' catalog has in the serving instance
   */
  public ReadOnlyLakeViews(DuckDbDatabase serving, LakeScanner scanner, Path folder, String catalog) {
    this(serving, scanner, EnumSet.allOf(Layer.class), folder, catalog);
  }

  /** As above, with the views of these layers only (role app's instance holds just gold's). */
  public ReadOnlyLakeViews(DuckDbDatabase serving, LakeScanner scanner, Set<Layer> layers, Path folder, String catalog) {
    this.serving = requireNonNull(serving, "serving is null");
    this.views = new LakeViews(serving, requireNonNull(scanner, "scanner is null"), requireNonNull(layers, "layers is null"));
    this.folder = requireNonNull(folder, "folder is null");
    this.catalog = requireNonNull(catalog, "catalog is null");
    try {
      Files.createDirectories(folder);
      // Files of an earlier run: nothing attaches them any more.
      try (Stream<Path> earlier = Files.list(folder)) {
        for (Path file : earlier.filter(f -> f.getFileName().toString().startsWith(PREFIX)).toList()) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot prepare " + folder + ": " + e.getMessage(), e);
    }
  }

  @Override
  public synchronized List<Dataset> refresh() {
    Path file = folder.resolve(PREFIX + (++generation) + SUFFIX);
    List<Dataset> datasets = build(file);
    serving.execute("ATTACH OR REPLACE " + SqlIdentifiers.literal(file.toString()) + " AS " + SqlIdentifiers.quote(catalog)
        + " (READ_ONLY)");
    Path previous = attached;
    attached = file;
    if (previous != null) {
      deleteQuietly(previous);
    }
    return datasets;
  }

  /** Writes the schemas and views into a new file with an instance of its own, closed before the file is attached. */
  private List<Dataset> build(Path file) {
    deleteQuietly(file);
    Properties small = new Properties();
    small.setProperty("threads", "1");
    small.setProperty("autoinstall_known_extensions", "false");
    try (Connection builder = DriverManager.getConnection("jdbc:duckdb:" + file, small);
        Statement statement = builder.createStatement()) {
      return views.writeViews(sql -> {
        try {
          statement.execute(sql);
        } catch (SQLException e) {
          throw DuckDbErrors.translate(e, sql);
        }
      });
    } catch (SQLException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot build the lake's views in " + file + ": " + e.getMessage(), e);
    }
  }

  /** A superseded file: the serving instance has replaced it, and a leftover is removed at the next start. */
  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".wal"));
    } catch (IOException e) {
      // Removed with the folder's other leftovers when the gateway starts again.
    }
  }
}
