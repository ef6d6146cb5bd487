package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.postgresql.PGConnection;

/**
 * A PostgreSQL-protocol server (PostgreSQL itself or the gateway) driven by pgjdbc, and by pgbench
 * for the pgbench workloads (skipped, returning -1, when pgbench is not installed).
 */
final class PgWireTarget implements BenchTarget {
  private final String name;
  private final PgEndpoint endpoint;
  private final Map<String, String> tables;
  private final Optional<PgBench> pgbench;
  private final IngestRun ingest;

  /** @param tables the workloads' logical table names ({@code trades}, {@code accounts}, ...) mapped to this server's */
  PgWireTarget(String name, PgEndpoint endpoint, Map<String, String> tables, Optional<PgBench> pgbench, IngestRun ingest) {
    this.name = requireNonNull(name, "name is null");
    this.endpoint = requireNonNull(endpoint, "endpoint is null");
    this.tables = Map.copyOf(tables);
    this.pgbench = requireNonNull(pgbench, "pgbench is null");
    this.ingest = requireNonNull(ingest, "ingest is null");
  }

  @Override
  public String name() {
    return name;
  }

  private Connection connect(boolean binary) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", endpoint.user());
    properties.setProperty("binaryTransfer", Boolean.toString(binary));
    // Named statements from the first use, so that binary transfer applies at once.
    properties.setProperty("prepareThreshold", binary ? "-1" : "5");
    properties.setProperty("defaultRowFetchSize", "10000");
    return DriverManager.getConnection(endpoint.jdbcUrl(), properties);
  }

  @Override
  public long run(Workload workload) throws Exception {
    if (workload.kind() == Workload.Kind.PGBENCH) {
      return pgbench.isPresent() ? pgbench.get().nanosPerTransaction(endpoint, workload, workload.sqlFor(tables)) : -1;
    }
    if (workload.kind() == Workload.Kind.FIRST_PASS) {
      return pgbench.isPresent() ? pgbench.get().nanosPerStatementOfFirstPass(endpoint, workload, workload.sqlFor(tables)) : -1;
    }
    if (workload.kind() == Workload.Kind.INGEST) {
      return ingest.run();
    }
    boolean binary = workload.kind() == Workload.Kind.BINARY;
    try (Connection connection = connect(binary)) {
      // Fetch sizes only stream inside a transaction in pgjdbc.
      connection.setAutoCommit(false);
      if (workload.kind() == Workload.Kind.ROUND_TRIPS) {
        long perQuery = RoundTrips.nanosPerQuery(connection, workload.sqlFor(tables), workload.keys());
        connection.commit();
        return perQuery;
      }
      long started = System.nanoTime();
      String sql = workload.sqlFor(tables);
      switch (workload.kind()) {
        case QUERY -> {
          try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
              rows.getObject(1);
            }
          }
        }
        case COPY -> connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, OutputStream.nullOutputStream());
        default -> {
          try (PreparedStatement statement = connection.prepareStatement(sql); ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
              for (int i = 1; i <= columns; i++) {
                rows.getString(i);
              }
            }
          }
        }
      }
      connection.commit();
      return System.nanoTime() - started;
    }
  }

  @Override
  public void close() {}
}
