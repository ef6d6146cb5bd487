package io.analytics.catalog.replica;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A running read replica's lease, {@code warehouse/replicas/<id>.json}, rewritten every few
 * seconds. The writer publishes snapshots only while a lease is fresh (no replica, no copying), and
 * keeps the snapshots that fresh leases name. Freshness is the file's modification time, which
 * works across hosts and containers where process ids mean nothing; a replica that died stops
 * renewing and is forgotten once its lease is older than the timeout.
 *
 * @param id unique among the replicas of the home (process id and port)
 * @param host address the replica listens on
 * @param port TCP port the replica listens on
 * @param snapshot sequence of the snapshot it serves, 0 before its first
 */
public record ReplicaLease(String id, String host, int port, long snapshot) {
  // Lenient on purpose: a newer replica may record more than this version knows.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final String SUFFIX = ".json";

  @JsonCreator
  public ReplicaLease(
      @JsonProperty("id") String id,
      @JsonProperty("host") String host,
      @JsonProperty("port") int port,
      @JsonProperty("snapshot") long snapshot) {
    this.id = requireNonNull(id, "id is null");
    this.host = requireNonNull(host, "host is null");
    this.port = port;
    this.snapshot = snapshot;
    if (!id.matches("[A-Za-z0-9_-]+")) {
      throw new IllegalArgumentException("replica id must be letters, digits, '-' or '_': " + id);
    }
  }

  /** Writes or renews the lease (atomically, so readers never see half of it). */
  public void renew(PlatformHome home) {
    requireNonNull(home, "home is null");
    try {
      DurableFiles.writeAtomically(file(home), MAPPER.writeValueAsString(this) + "\n");
    } catch (JsonProcessingException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot encode the replica lease: " + e.getMessage(), e);
    }
  }

  /** Gives the lease up (when the replica stops); a missing file is fine. */
  public void release(PlatformHome home) {
    try {
      Files.deleteIfExists(file(home));
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot delete " + file(home) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The leases renewed within the last {@code timeoutMillis}. Stale ones are deleted on the way;
   * unreadable ones are skipped (a renewal never leaves one: it renames a whole file in).
   */
  public static List<ReplicaLease> live(PlatformHome home, long timeoutMillis) {
    Path dir = home.replicasDir();
    List<ReplicaLease> leases = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return leases;
    }
    long now = System.currentTimeMillis();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*" + SUFFIX)) {
      for (Path file : files) {
        if (file.getFileName().toString().startsWith(".")) {
          continue;
        }
        try {
          long age = now - Files.getLastModifiedTime(file).toMillis();
          if (age > timeoutMillis) {
            Files.deleteIfExists(file);
            continue;
          }
          leases.add(MAPPER.readValue(Files.readString(file, StandardCharsets.UTF_8), ReplicaLease.class));
        } catch (NoSuchFileException e) {
          // Released or replaced while we listed: the replica's next lease is what counts.
        } catch (JsonProcessingException | RuntimeException e) {
          // Not a lease this version understands: ignore it rather than stop publishing.
        }
      }
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot list " + dir + ": " + e.getMessage(), e);
    }
    return leases;
  }

  private Path file(PlatformHome home) {
    return home.replicasDir().resolve(id + SUFFIX);
  }
}
