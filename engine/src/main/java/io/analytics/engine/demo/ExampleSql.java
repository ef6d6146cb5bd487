package io.analytics.engine.demo;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The example SQL shipped with the platform (the repository's {@code sql/} folder, packaged in the
 * jar): views, materializations and migrations that work on the demo lake. {@code init} copies
 * each file into a home unless a file of that name is already there.
 */
public final class ExampleSql {
  private static final String ROOT = "/io/analytics/engine/demo/sql/";

  private ExampleSql() {}

  /** The shipped files, relative to {@code sql/} (e.g. {@code views/10_bronze_views.sql}). */
  public static List<String> files() {
    String index = read("INDEX");
    return index.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
  }

  /** The text of a shipped file. */
  public static String read(String relative) {
    try (InputStream in = ExampleSql.class.getResourceAsStream(ROOT + relative)) {
      if (in == null) {
        throw new PlatformException(SqlState.UNDEFINED_FILE, "example SQL " + relative + " is not packaged");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read example SQL " + relative + ": " + e.getMessage(), e);
    }
  }

  /** Copies the files missing from {@code home}'s {@code sql/}; returns the ones copied. */
  public static List<Path> install(PlatformHome home) {
    requireNonNull(home, "home is null");
    List<Path> copied = new ArrayList<>();
    for (String relative : files()) {
      Path target = home.sqlDir().resolve(relative);
      if (Files.exists(target)) {
        continue;
      }
      try {
        Files.createDirectories(target.getParent());
        Files.writeString(target, read(relative), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new PlatformException(SqlState.IO_ERROR, "cannot write " + target + ": " + e.getMessage(), e);
      }
      copied.add(target);
    }
    return copied;
  }
}
