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

  /** Waits up to {@code timeoutMillis} for the gateway's answer to request {@code id}. */
  public Optional<Result> await(String id, long timeoutMillis) {
    Path result = dir.resolve(id + RESULT);
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (System.currentTimeMillis() < deadline) {
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

  /** Answers a request (the gateway's side). */
  public void complete(Request request, List<String> lines, boolean succeeded) {
    Properties properties = new Properties();
    for (int i = 0; i < lines.size(); i++) {
      properties.setProperty("line." + i, lines.get(i));
    }
    properties.setProperty("succeeded", Boolean.toString(succeeded));
    write(dir.resolve(request.id() + RESULT), properties);
    deleteQuietly(dir.resolve(request.id() + REQUEST));
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
