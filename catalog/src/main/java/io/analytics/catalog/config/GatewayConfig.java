package io.analytics.catalog.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Settings of the PostgreSQL-wire gateway.
 *
 * @param listenAddress address to bind, 127.0.0.1 by default
 * @param port TCP port, 5433 by default
 * @param maxMessageBytes largest frontend message accepted; larger ones end the connection with
 *     08P01
 * @param authenticationTimeoutSeconds a client that has not authenticated by then is dropped
 * @param shutdownGraceSeconds how long running queries may finish after SIGTERM
 * @param maxConnections connections beyond this get 53300
 * @param passwordMethod what configured users authenticate with: {@code scram-sha-256} (default),
 *     {@code md5} or {@code password} (cleartext)
 * @param fetchBatchRows rows per Arrow batch read from DuckDB
 * @param tls certificate and key for encrypted connections, none by default
 * @param limits per-user, per-address, idle and admission limits
 * @param observability metrics endpoint and slow-query log
 * @param replication timings of read replicas and the snapshots published for them
 * @param resultCache how much memory repeated queries' results may hold
 */
public record GatewayConfig(
    String listenAddress,
    int port,
    int maxMessageBytes,
    int authenticationTimeoutSeconds,
    int shutdownGraceSeconds,
    int maxConnections,
    PasswordMethod passwordMethod,
    int fetchBatchRows,
    TlsConfig tls,
    LimitsConfig limits,
    ObservabilityConfig observability,
    ReplicationConfig replication,
    ResultCacheConfig resultCache) {

  public static final int DEFAULT_PORT = 5433;

  @JsonCreator
  public GatewayConfig(
      @JsonProperty("listenAddress") String listenAddress,
      @JsonProperty("port") Integer port,
      @JsonProperty("maxMessageBytes") Integer maxMessageBytes,
      @JsonProperty("authenticationTimeoutSeconds") Integer authenticationTimeoutSeconds,
      @JsonProperty("shutdownGraceSeconds") Integer shutdownGraceSeconds,
      @JsonProperty("maxConnections") Integer maxConnections,
      @JsonProperty("passwordMethod") String passwordMethod,
      @JsonProperty("fetchBatchRows") Integer fetchBatchRows,
      @JsonProperty("tls") TlsConfig tls,
      @JsonProperty("limits") LimitsConfig limits,
      @JsonProperty("observability") ObservabilityConfig observability,
      @JsonProperty("replication") ReplicationConfig replication,
      @JsonProperty("resultCache") ResultCacheConfig resultCache) {
    this(
        listenAddress == null ? "127.0.0.1" : listenAddress,
        port == null ? DEFAULT_PORT : port,
        maxMessageBytes == null ? 64 * 1024 * 1024 : maxMessageBytes,
        authenticationTimeoutSeconds == null ? 60 : authenticationTimeoutSeconds,
        shutdownGraceSeconds == null ? 10 : shutdownGraceSeconds,
        maxConnections == null ? 500 : maxConnections,
        PasswordMethod.parse("gateway.passwordMethod", passwordMethod),
        fetchBatchRows == null ? 2048 : fetchBatchRows,
        tls == null ? TlsConfig.none() : tls,
        limits == null ? LimitsConfig.defaults() : limits,
        observability == null ? ObservabilityConfig.defaults() : observability,
        replication == null ? ReplicationConfig.defaults() : replication,
        resultCache == null ? ResultCacheConfig.defaults() : resultCache);
  }

  /** Without TLS (the settings most tests vary). */
  public GatewayConfig(
      String listenAddress,
      Integer port,
      Integer maxMessageBytes,
      Integer authenticationTimeoutSeconds,
      Integer shutdownGraceSeconds,
      Integer maxConnections,
      String passwordMethod,
      Integer fetchBatchRows) {
    this(listenAddress, port, maxMessageBytes, authenticationTimeoutSeconds, shutdownGraceSeconds, maxConnections,
        passwordMethod, fetchBatchRows, null, null, null, null, null);
  }

  public GatewayConfig {
    requireNonNull(listenAddress, "listenAddress is null");
    requireNonNull(passwordMethod, "passwordMethod is null");
    requireNonNull(tls, "tls is null");
    requireNonNull(limits, "limits is null");
    requireNonNull(observability, "observability is null");
    requireNonNull(replication, "replication is null");
    requireNonNull(resultCache, "resultCache is null");
    ConfigChecks.checkRange("gateway.port", port, 0, 65535);
    ConfigChecks.checkRange("gateway.maxMessageBytes", maxMessageBytes, 1024, Integer.MAX_VALUE);
    ConfigChecks.checkRange(
        "gateway.authenticationTimeoutSeconds", authenticationTimeoutSeconds, 1, 86400);
    ConfigChecks.checkRange("gateway.shutdownGraceSeconds", shutdownGraceSeconds, 0, 3600);
    ConfigChecks.checkRange("gateway.maxConnections", maxConnections, 1, 100_000);
    ConfigChecks.checkRange("gateway.fetchBatchRows", fetchBatchRows, 1, 1_000_000);
  }

  public static GatewayConfig defaults() {
    return new GatewayConfig(null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public GatewayConfig withListen(String newListenAddress, int newPort) {
    return new GatewayConfig(
        newListenAddress,
        newPort,
        maxMessageBytes,
        authenticationTimeoutSeconds,
        shutdownGraceSeconds,
        maxConnections,
        passwordMethod,
        fetchBatchRows,
        tls,
        limits,
        observability,
        replication,
        resultCache);
  }

  public GatewayConfig withTls(TlsConfig newTls) {
    return new GatewayConfig(
        listenAddress, port, maxMessageBytes, authenticationTimeoutSeconds, shutdownGraceSeconds, maxConnections,
        passwordMethod, fetchBatchRows, newTls, limits, observability, replication, resultCache);
  }

  public GatewayConfig withLimits(LimitsConfig newLimits) {
    return new GatewayConfig(
        listenAddress, port, maxMessageBytes, authenticationTimeoutSeconds, shutdownGraceSeconds, maxConnections,
        passwordMethod, fetchBatchRows, tls, newLimits, observability, replication, resultCache);
  }

  public GatewayConfig withObservability(ObservabilityConfig newObservability) {
    return new GatewayConfig(
        listenAddress, port, maxMessageBytes, authenticationTimeoutSeconds, shutdownGraceSeconds, maxConnections,
        passwordMethod, fetchBatchRows, tls, limits, newObservability, replication, resultCache);
  }

  public GatewayConfig withReplication(ReplicationConfig newReplication) {
    return new GatewayConfig(
        listenAddress, port, maxMessageBytes, authenticationTimeoutSeconds, shutdownGraceSeconds, maxConnections,
        passwordMethod, fetchBatchRows, tls, limits, observability, newReplication, resultCache);
  }

  public GatewayConfig withResultCache(ResultCacheConfig newResultCache) {
    return new GatewayConfig(
        listenAddress, port, maxMessageBytes, authenticationTimeoutSeconds, shutdownGraceSeconds, maxConnections,
        passwordMethod, fetchBatchRows, tls, limits, observability, replication, newResultCache);
  }
}
