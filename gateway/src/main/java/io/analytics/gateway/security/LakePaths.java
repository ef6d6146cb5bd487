package io.analytics.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Decides whether a path a statement names lies inside the lake, the way the file system will
 * resolve it: relative to the gateway's working directory (as DuckDB resolves it), with {@code ..}
 * normalized and symbolic links followed, so that neither traversal nor a link planted in the lake
 * leads outside it. For a glob, the directory before the first wildcard is checked and every link
 * beneath it too.
 */
final class LakePaths {
  private final Path realLake;

  LakePaths(Path lakeDirectory) {
    try {
      this.realLake = lakeDirectory.toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean contains(String path) {
    if (path.contains("://") || path.startsWith("~")) {
      return false;
    }
    Path requested = Path.of(path);
    Path absolute = (requested.isAbsolute() ? requested : Path.of("").toAbsolutePath().resolve(requested)).normalize();
    Path base = absolute.getRoot();
    boolean glob = false;
    for (Path part : absolute) {
      if (isGlob(part.toString())) {
        glob = true;
        break;
      }
      base = base.resolve(part);
    }
    Path real = realOf(base);
    if (!real.startsWith(realLake)) {
      return false;
    }
    return !glob || !Files.isDirectory(real) || noLinkLeavesTheLake(real);
  }

  /** The path with every existing part's links resolved; parts that do not exist yet are kept. */
  private static Path realOf(Path path) {
    Path existing = path;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    try {
      Path real = existing == null ? path.getRoot() : existing.toRealPath();
      return existing == null ? path : real.resolve(existing.relativize(path));
    } catch (IOException e) {
      return path;
    }
  }

  private boolean noLinkLeavesTheLake(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isSymbolicLink).allMatch(link -> realOf(link).startsWith(realLake));
    } catch (IOException | UncheckedIOException e) {
      return false;
    }
  }

  private static boolean isGlob(String part) {
    return part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0 || part.indexOf('{') >= 0;
  }
}
