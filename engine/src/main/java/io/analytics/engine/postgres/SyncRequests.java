package io.analytics.engine.postgres;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * How {@code analytics sync} asks a running gateway (which owns the warehouse) to sync: a request
 * file in {@code warehouse/sync-requests/}, answered by a result file the command waits for.
 */
public final class SyncRequests {
  private static final String REQUEST = ".request";
  private static final String RESULT = ".result";
  private static final String PROGRESS = ".progress";
  private static final long PROGRESS_WRITE_NANOS = 1_000_000_000L;

  private final Path dir;

  public SyncRequests(PlatformHome home) {
    this.dir = requireNonNull(home, "home is null").warehouseDir().resolve("sync-requests");
  }

  /** One request: every source when {@code source} is null, every table when {@code table} is. */
  public record Request(String id, String source, String table, boolean full) {}

  /** The outcome a gateway wrote: the lines to print, and whether everything synced. */
  public record Result(List<String> lines, boolean succeeded) {}

  public String submit(String source, String table, boolean full) {
    String id = UUID.randomUUID().toString();
    Properties properties = new Properties();
    if (source != null) {
      properties.setProperty("source", source);
    }
    if (table != null) {
      properties.setProperty("table", table);
    }
    properties.setProperty("full", Boolean.toString(full));
    write(dir.resolve(id + REQUEST), properties);
    return id;
  }

  /** How far the gateway has got with a request: the source it syncs, rows read of the estimate. */
  public record Progress(String source, long rows, long estimatedRows) {}

  /** Waits up to {@code timeoutMillis} for the gateway's answer to request {@code id}. */
  public Optional<Result> await(String id, long timeoutMillis) {
    return await(id, timeoutMillis, progress -> {});
  }

  /** As above, passing on the progress the gateway reports meanwhile. */
  public Optional<Result> await(String id, long timeoutMillis, java.util.function.Consumer<Progress> onProgress) {
    Path result = dir.resolve(id + RESULT);
    Path progress = dir.resolve(id + PROGRESS);
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
      readProgress(progress).ifPresent(onProgress);
      if (Files.exists(result)) {
        Properties properties = read(result);
        List<String> lines = new ArrayList<>();
        for (int i = 0; properties.containsKey("line." + i); i++) {
          lines.add(properties.getProperty("line." + i));
        }
        deleteQuietly(result);
        return Optional.of(new Result(lines, Boolean.parseBoolean(properties.getProperty("succeeded"))));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new PlatformException(SqlState.QUERY_CANCELED, "interrupted while waiting for the gateway's sync", e);
      }
    }
    deleteQuietly(dir.resolve(id + REQUEST));
    return Optional.empty();
  }

  /** Requests waiting for the gateway, oldest first. */
  public List<Request> pending() {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(dir)) {
      List<Request> requests = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(REQUEST)).sorted().toList()) {
        Properties properties = read(file);
        String name = file.getFileName().toString();
        requests.add(new Request(name.substring(0, name.length() - REQUEST.length()), properties.getProperty("source"),
            properties.getProperty("table"), Boolean.parseBoolean(properties.getProperty("full"))));
      }
      return requests;
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The gateway's side: reports {@code request}'s progress on {@code source}, at most once a second. */
  public SyncProgress progressOf(Request request, String source) {
    Path file = dir.resolve(request.id() + PROGRESS);
    long[] lastWrite = {System.nanoTime() - PROGRESS_WRITE_NANOS};
    return (rows, estimatedRows) -> {
      long now = System.nanoTime();
      if (now - lastWrite[0] < PROGRESS_WRITE_NANOS) {
        return;
      }
      lastWrite[0] = now;
      Properties properties = new Properties();
      properties.setProperty("source", source);
      properties.setProperty("rows", Long.toString(rows));
      properties.setProperty("estimatedRows", Long.toString(estimatedRows));
      try {
        write(file, properties);
      } catch (PlatformException e) {
        // Progress is a courtesy: the sync goes on without it.
      }
    };
  }

  private static Optional<Progress> readProgress(Path file) {
    if (!Files.exists(file)) {
      return Optional.empty();
    }
    try {
      Properties properties = read(file);
      return Optional.of(new Progress(properties.getProperty("source"), Long.parseLong(properties.getProperty("rows")),
          Long.parseLong(properties.getProperty("estimatedRows"))));
    } catch (RuntimeException e) {
      return Optional.empty(); // removed as the result came, or not a number: no news
    }
  }

  /** Answers a request (the gateway's side). */
  public void complete(Request request, List<String> lines, boolean succeeded) {
    Properties properties = new Properties();
    for (int i = 0; i < lines.size(); i++) {
      properties.setProperty("line." + i, lines.get(i));
    }
    properties.setProperty("succeeded", Boolean.toString(succeeded));
    write(dir.resolve(request.id() + RESULT), properties);
    deleteQuietly(dir.resolve(request.id() + REQUEST));
    deleteQuietly(dir.resolve(request.id() + PROGRESS));
  }

  private void write(Path file, Properties properties) {
    try {
      Files.createDirectories(dir);
      StringWriter text = new StringWriter();
      properties.store(text, null);
      DurableFiles.writeAtomically(file, text.toString());
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static Properties read(Path file) {
    try {
      Properties properties = new Properties();
      properties.load(new StringReader(Files.readString(file)));
      return properties;
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // A leftover request or result file is harmless: results are only read by their id.
    }
  }
}
