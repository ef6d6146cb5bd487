package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * What pgbench does, done to DuckDB in process: {@code clients} threads, each on a connection of its
 * own, run a pgbench script's transactions for a fixed time (text substituted for the simple mode,
 * prepared per statement for the extended mode, prepared once for the prepared mode).
 */
final class InProcessClients {
  private final Supplier<Connection> connections;
  private final int seconds;

  InProcessClients(Supplier<Connection> connections, int seconds) {
    this.connections = requireNonNull(connections, "connections is null");
    this.seconds = seconds;
  }

  /** Nanoseconds per transaction over all clients (1 / throughput), as pgbench's tps is. */
  long nanosPerTransaction(Workload workload, String script) throws Exception {
    PgBenchScript parsed = PgBenchScript.parse(script);
    ExecutorService pool = Executors.newFixedThreadPool(workload.clients());
    try {
      long deadline = System.nanoTime() + seconds * 1_000_000_000L;
      List<Future<Long>> clients = new ArrayList<>();
      long started = System.nanoTime();
      for (int c = 0; c < workload.clients(); c++) {
        int seed = c;
        clients.add(pool.submit(() -> runClient(parsed, workload.mode(), new Random(seed), deadline)));
      }
      long transactions = 0;
      for (Future<Long> client : clients) {
        transactions += client.get();
      }
      return (System.nanoTime() - started) / Math.max(1, transactions);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Each distinct statement of the script once, client {@code c} of {@code clients} taking the
   * statements {@code c}, {@code c + clients}, ... as pgbench's first pass does; returns the pass's
   * nanoseconds divided by the number of statements.
   */
  long nanosPerStatementOfFirstPass(Workload workload, String script) throws Exception {
    PgBenchScript parsed = PgBenchScript.parse(script);
    List<long[]> draws = parsed.everyDraw();
    int clientCount = workload.clients();
    ExecutorService pool = Executors.newFixedThreadPool(clientCount);
    try {
      List<Future<Void>> clients = new ArrayList<>();
      long started = System.nanoTime();
      for (int c = 0; c < clientCount; c++) {
        int first = c;
        clients.add(pool.submit(() -> {
          try (Connection connection = connections.get()) {
            for (int i = first; i < draws.size(); i += clientCount) {
              runOnce(connection, parsed, workload.mode(), null, draws.get(i));
            }
          }
          return null;
        }));
      }
      for (Future<Void> client : clients) {
        client.get();
      }
      return (System.nanoTime() - started) / Math.max(1, draws.size());
    } finally {
      pool.shutdownNow();
    }
  }

  private long runClient(PgBenchScript script, PgBenchScript.Mode mode, Random random, long deadline) throws SQLException {
    long transactions = 0;
    try (Connection connection = connections.get()) {
      PreparedStatement prepared = mode == PgBenchScript.Mode.PREPARED ? connection.prepareStatement(script.parameterized()) : null;
      try {
        while (System.nanoTime() < deadline) {
          runOnce(connection, script, mode, prepared, script.draw(random));
          transactions++;
        }
      } finally {
        if (prepared != null) {
          prepared.close();
        }
      }
    }
    return transactions;
  }

  /** One transaction: the statement with {@code values}, sent as {@code mode} sends it (prepared: on {@code prepared}, or prepared now). */
  private static void runOnce(Connection connection, PgBenchScript script, PgBenchScript.Mode mode, PreparedStatement prepared,
      long[] values) throws SQLException {
    if (mode == PgBenchScript.Mode.SIMPLE) {
      try (Statement statement = connection.createStatement()) {
        if (statement.execute(script.substituted(values))) {
          readAll(statement.getResultSet());
        }
      }
    } else if (prepared != null) {
      bindAndRead(prepared, values);
    } else {
      try (PreparedStatement statement = connection.prepareStatement(script.parameterized())) {
        bindAndRead(statement, values);
      }
    }
  }

  private static void bindAndRead(PreparedStatement statement, long[] values) throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setLong(i + 1, values[i]);
    }
    if (statement.execute()) {
      readAll(statement.getResultSet());
    }
  }

  /** Reads every row of a statement's result (any statement may be in a script, as in pgbench's), and closes it. */
  private static void readAll(ResultSet result) throws SQLException {
    try (ResultSet rows = result) {
      while (rows.next()) {
        rows.getObject(1);
      }
    }
  }
}
