package io.analytics.gateway.differential;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs one area's cases through one protocol on both servers: one connection per server with the
 * area's setup, each case with a timeout (a case with its own setup gets fresh connections), and a
 * new connection with the setup again after a case that lost it.
 */
final class AreaRun {
  /** Seconds before a case is cancelled (then it answers 57014, which PostgreSQL would not). */
  static final int CASE_TIMEOUT_SECONDS = 5;

  /** Both servers run with the same session time zone, whatever their machines' zones. */
  private static final String SESSION_SETUP = "SET TIME ZONE 'UTC'";

  /** Opens a connection to one server for a protocol. */
  interface Server {
    Connection connect(Properties properties) throws SQLException;
  }

  private final Server postgres;
  private final Server gateway;

  AreaRun(Server postgres, Server gateway) {
    this.postgres = requireNonNull(postgres, "postgres is null");
    this.gateway = requireNonNull(gateway, "gateway is null");
  }

  List<CaseResult> run(DifferentialArea area, Protocol protocol) throws SQLException {
    List<CaseResult> results = new ArrayList<>();
    Connection onPostgres = open(postgres, area, protocol);
    Connection onGateway = open(gateway, area, protocol);
    try {
      for (DifferentialCase testCase : area.cases()) {
        Answer expected;
        Answer actual;
        long started;
        if (testCase.setup().isEmpty()) {
          expected = Answer.on(onPostgres, testCase, CASE_TIMEOUT_SECONDS);
          started = System.nanoTime();
          actual = Answer.on(onGateway, testCase, CASE_TIMEOUT_SECONDS);
        } else {
          expected = Answer.of(open(postgres, area, protocol), testCase);
          started = System.nanoTime();
          actual = Answer.of(open(gateway, area, protocol), testCase);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > CASE_TIMEOUT_SECONDS * 1000L) {
          System.out.println("differential case ran past its timeout on the gateway: " + area.name() + " / " + testCase.name()
              + " (" + millis + " ms): " + testCase.sql());
        }
        results.add(CaseResult.compare(area.name(), testCase, protocol, expected, actual, millis));
        if (onPostgres.isClosed()) {
          onPostgres = open(postgres, area, protocol);
        }
        if (onGateway.isClosed()) {
          onGateway = open(gateway, area, protocol);
        }
      }
    } finally {
      onPostgres.close();
      onGateway.close();
    }
    return results;
  }

  /** A connection with the session setup and the area's setup run (a setup statement may fail on one side). */
  private static Connection open(Server server, DifferentialArea area, Protocol protocol) throws SQLException {
    Connection connection = server.connect(protocol.connectionProperties());
    try (Statement statement = connection.createStatement()) {
      statement.execute(SESSION_SETUP);
      for (String setup : area.setup()) {
        try {
          statement.execute(setup);
        } catch (SQLException e) {
          // The cases that need what failed answer an error, and show as differences.
        }
      }
    }
    return connection;
  }
}
