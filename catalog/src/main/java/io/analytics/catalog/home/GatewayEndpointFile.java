package io.analytics.catalog.home;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * The record {@code warehouse/gateway.json} a serving gateway leaves for CLI commands, which then
 * send their SQL through it instead of opening the warehouse file the gateway holds.
 *
 * @param pid process id of the gateway
 * @param host address the gateway accepts connections on
 * @param port TCP port the gateway listens on
 */
public record GatewayEndpointFile(long pid, String host, int port) {
  // Lenient on purpose: a newer gateway may record more than this version knows.
  private static final ObjectMapper MAPPER =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @JsonCreator
  public GatewayEndpointFile(
      @JsonProperty("pid") long pid, @JsonProperty("host") String host, @JsonProperty("port") int port) {
    this.pid = pid;
    this.host = requireNonNull(host, "host is null");
    this.port = port;
  }

  /** Records a gateway serving {@code home}; replaces any older record atomically. */
  public static GatewayEndpointFile write(PlatformHome home, long pid, String host, int port) {
    requireNonNull(home, "home is null");
    GatewayEndpointFile endpoint = new GatewayEndpointFile(pid, host, port);
    try {
      DurableFiles.writeAtomically(home.gatewayEndpointFile(), MAPPER.writeValueAsString(endpoint) + "\n");
    } catch (JsonProcessingException e) {
      throw new PlatformException(SqlState.INTERNAL_ERROR, "cannot encode gateway endpoint: " + e.getMessage(), e);
    }
    return endpoint;
  }

  /**
   * The gateway serving {@code home}, if one is. A record left behind by a process that is no longer
   * alive, or one that cannot be parsed (a foreign or truncated file), counts as no gateway.
   */
  public static Optional<GatewayEndpointFile> read(PlatformHome home) {
    requireNonNull(home, "home is null");
    String text;
    try {
      text = Files.readString(home.gatewayEndpointFile(), StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new PlatformException(
          SqlState.IO_ERROR, "cannot read " + home.gatewayEndpointFile() + ": " + e.getMessage(), e);
    }
    GatewayEndpointFile endpoint;
    try {
      endpoint = MAPPER.readValue(text, GatewayEndpointFile.class);
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
    return endpoint.isAlive() ? Optional.of(endpoint) : Optional.empty();
  }

  /** Removes the record (when the gateway stops); a missing file is fine. */
  public static void delete(PlatformHome home) {
    requireNonNull(home, "home is null");
    try {
      Files.deleteIfExists(home.gatewayEndpointFile());
    } catch (IOException e) {
      throw new PlatformException(
          SqlState.IO_ERROR, "cannot delete " + home.gatewayEndpointFile() + ": " + e.getMessage(), e);
    }
  }

  /** Whether the recorded process still runs. */
  @JsonIgnore
  public boolean isAlive() {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  /** The JDBC URL of the gateway for the given database name. */
  public String jdbcUrl(String database) {
    String address = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + address + ":" + port + "/" + database;
  }
}
