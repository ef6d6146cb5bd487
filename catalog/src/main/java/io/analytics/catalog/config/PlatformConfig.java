package io.analytics.catalog.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole platform configuration, read once from {@code config/platform.json}. Unknown keys and
 * values of the wrong type are errors naming the key, never silent defaults.
 */
public record PlatformConfig(
    GatewayConfig gateway,
    DuckDbConfig duckdb,
    List<UserConfig> users,
    List<PostgresSourceConfig> sources,
    SearchPathConfig searchPath,
    IcebergConfig iceberg) {

  private static final ObjectMapper STRICT_MAPPER = strictMapper();

  @JsonCreator
  public PlatformConfig(
      @JsonProperty("gateway") GatewayConfig gateway,
      @JsonProperty("duckdb") DuckDbConfig duckdb,
      @JsonProperty("users") List<UserConfig> users,
      @JsonProperty("sources") List<PostgresSourceConfig> sources,
      @JsonProperty("searchPath") SearchPathConfig searchPath,
      @JsonProperty("iceberg") IcebergConfig iceberg) {
    this.gateway = gateway == null ? GatewayConfig.defaults() : gateway;
    this.duckdb = duckdb == null ? DuckDbConfig.defaults() : duckdb;
    this.users = users == null ? List.of() : List.copyOf(users);
    this.sources = sources == null ? List.of() : List.copyOf(sources);
    this.searchPath = searchPath == null ? SearchPathConfig.defaults() : searchPath;
    this.iceberg = iceberg == null ? IcebergConfig.defaults() : iceberg;
    Set<String> names = new HashSet<>();
    for (PostgresSourceConfig source : this.sources) {
      if (!names.add(source.name())) {
        throw new ConfigException("config key \"sources\" names \"" + source.name() + "\" twice");
      }
    }
  }

  public PlatformConfig(GatewayConfig gateway, DuckDbConfig duckdb, List<UserConfig> users) {
    this(gateway, duckdb, users, null, null, null);
  }

  public PlatformConfig(GatewayConfig gateway, DuckDbConfig duckdb, List<UserConfig> users,
      List<PostgresSourceConfig> sources, SearchPathConfig searchPath) {
    this(gateway, duckdb, users, sources, searchPath, null);
  }

  public PlatformConfig(
      GatewayConfig gateway, DuckDbConfig duckdb, List<UserConfig> users, List<PostgresSourceConfig> sources) {
    this(gateway, duckdb, users, sources, null, null);
  }

  public static PlatformConfig defaults() {
    return new PlatformConfig(null, null, null, null, null, null);
  }

  /**
   * The home's configuration as the platform uses it: the file (or the defaults when there is none)
   * with the environment's POSTGRES_* and ANALYTICS_* variables applied over it.
   */
  public static PlatformConfig load(Path path, Map<String, String> env) {
    return fromFileOrDefaults(path).withEnvironment(env);
  }

  /** This configuration with environment variables applied, see {@link EnvironmentOverrides}. */
  public PlatformConfig withEnvironment(Map<String, String> env) {
    return new EnvironmentOverrides(env).applyTo(this);
  }

  /** This configuration as pretty-printed JSON, as {@code init} writes it. */
  public String toJson() {
    try {
      return STRICT_MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this) + "\n";
    } catch (JsonProcessingException e) {
      throw new ConfigException("cannot encode the configuration: " + e.getOriginalMessage(), e);
    }
  }

  /** Reads the file if it exists, else returns the defaults. */
  public static PlatformConfig fromFileOrDefaults(Path path) {
    return Files.exists(path) ? fromFile(path) : defaults();
  }

  public static PlatformConfig fromFile(Path path) {
    requireNonNull(path, "path is null");
    try {
      return STRICT_MAPPER.readValue(Files.readString(path), PlatformConfig.class);
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(
          path + ": unknown config key \"" + keyPath(e) + "\"; known keys: " + e.getKnownPropertyIds());
    } catch (MismatchedInputException e) {
      throw new ConfigException(
          path + ": config key \"" + keyPath(e) + "\" has the wrong type: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      Throwable cause = e.getCause();
      if (cause instanceof ConfigException configError) {
        throw new ConfigException(path + ": " + configError.getMessage(), e);
      }
      throw new ConfigException(path + ": not valid JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new ConfigException("cannot read " + path + ": " + e.getMessage(), e);
    } catch (ConfigException e) {
      throw new ConfigException(path + ": " + e.getMessage(), e);
    }
  }

  /** Whether any Postgres source is configured. */
  public boolean hasSources() {
    return !sources.isEmpty();
  }

  /** Whether any user is configured; with none, loopback connections are trusted. */
  public boolean hasUsers() {
    return !users.isEmpty();
  }

  public PlatformConfig withDuckDb(DuckDbConfig newDuckDb) {
    return new PlatformConfig(gateway, newDuckDb, users, sources, searchPath, iceberg);
  }

  /**
   * DuckDB's settings for one of a serving gateway's instances: its memory_limit is its share of the
   * budget {@link #servingDuckDb()} names, so the instances together stay within it.
   */
  public DuckDbConfig servingDuckDb(ServingInstance instance) {
    DuckDbConfig serving = servingDuckDb();
    return serving.withMemoryLimit(instance.shareOf(serving.memoryLimit()));
  }

  /**
   * DuckDB's settings for a serving gateway, with the memory budget all its instances share as
   * memory_limit (see {@link #servingDuckDb(ServingInstance)} for one instance's): with a per-query
   * memory limit and no memory_limit of its own, the budget is the per-query limit once per query
   * allowed to run at a time, so that the queries admission control lets through together cannot exceed it.
   */
  public DuckDbConfig servingDuckDb() {
    LimitsConfig limits = gateway.limits();
    // A shared server's defaults: spill capped (DuckDB's own default is 90% of the free disk), and
    // the serving instances together at 40% of RAM rather than DuckDB's 80% for each.
    DuckDbConfig serving = duckdb.maxTempDirectorySize() != null ? duckdb : duckdb.withMaxTempDirectorySize(DEFAULT_SPILL_CAP);
    if (duckdb.memoryLimit() != null) {
      return serving;
    }
    if (limits.queryMemory() == null || limits.maxConcurrentQueries() == 0) {
      return serving.withMemoryLimit(DEFAULT_MEMORY_LIMIT); // without a bound on concurrent queries there is nothing to multiply
    }
    long total = limits.queryMemoryBytes() * limits.maxConcurrentQueries();
    return serving.withMemoryLimit(total + "B");
  }

  /** The memory budget the serving instances split when none is configured or derived. */
  public static final String DEFAULT_MEMORY_LIMIT = "40%";

  /** max_temp_directory_size of a serving instance when none is configured. */
  public static final String DEFAULT_SPILL_CAP = "20GB";

  public PlatformConfig withGateway(GatewayConfig newGateway) {
    return new PlatformConfig(newGateway, duckdb, users, sources, searchPath, iceberg);
  }

  public PlatformConfig withUsers(List<UserConfig> newUsers) {
    return new PlatformConfig(gateway, duckdb, newUsers, sources, searchPath, iceberg);
  }

  public PlatformConfig withSources(List<PostgresSourceConfig> newSources) {
    return new PlatformConfig(gateway, duckdb, users, newSources, searchPath, iceberg);
  }

  public PlatformConfig withIceberg(IcebergConfig newIceberg) {
    return new PlatformConfig(gateway, duckdb, users, sources, searchPath, newIceberg);
  }

  /** The mapper used for reading and writing the config file. */
  public static ObjectMapper mapper() {
    return STRICT_MAPPER;
  }

  private static String keyPath(MismatchedInputException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }

  private static ObjectMapper strictMapper() {
    JsonMapper mapper =
        JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .build();
    for (LogicalType type : LogicalType.values()) {
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
      mapper.coercionConfigFor(type).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    }
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.String, CoercionAction.TryConvert);
    mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
    return mapper;
  }
}
