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
  /** Area setup statements the gateway refused ("area: statement -> error"): their cases' differences may come from there. */
  private final java.util.Set<String> gatewaySetupRefusals = java.util.Collections.synchronizedSet(new java.util.LinkedHashSet<>());

  AreaRun(Server postgres, Server gateway) {
    this.postgres = requireNonNull(postgres, "postgres is null");
    this.gateway = requireNonNull(gateway, "gateway is null");
  }

  List<CaseResult> run(DifferentialArea area, Protocol protocol) throws SQLException {
    List<CaseResult> results = new ArrayList<>();
    Connection onPostgres = open(postgres, area, protocol, null);
    Connection onGateway = open(gateway, area, protocol, gatewaySetupRefusals);
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
          expected = Answer.of(open(postgres, area, protocol, null), testCase);
          started = System.nanoTime();
          actual = Answer.of(open(gateway, area, protocol, null), testCase);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > CASE_TIMEOUT_SECONDS * 1000L) {
          System.out.println("differential case ran past its timeout on the gateway: " + area.name() + " / " + testCase.name()
              + " (" + millis + " ms): " + testCase.sql());
        }
        results.add(CaseResult.compare(area.name(), testCase, protocol, expected, actual, millis));
        if (onPostgres.isClosed()) {
          onPostgres = open(postgres, area, protocol, null);
        }
        if (onGateway.isClosed()) {
          onGateway = open(gateway, area, protocol, null);
        }
      }
    } finally {
      onPostgres.close();
      onGateway.close();
    }
    return results;
  }

  /** The gateway's refusals of area setup statements so far, for the report. */
  java.util.List<String> gatewaySetupRefusals() {
    return java.util.List.copyOf(gatewaySetupRefusals);
  }

  /**
   * A connection with the session setup and the area's setup run; a setup statement may fail on one
   * side (the cases that need it then differ), and is noted in {@code refusals} when one is given.
   */
  private static Connection open(Server server, DifferentialArea area, Protocol protocol, java.util.Set<String> refusals)
      throws SQLException {
    Connection connection = server.connect(protocol.connectionProperties());
    try (Statement statement = connection.createStatement()) {
      statement.execute(SESSION_SETUP);
      for (String setup : area.setup()) {
        try {
          statement.execute(setup);
        } catch (SQLException e) {
          if (refusals != null) {
            refusals.add(area.name() + ": `" + setup + "` -> " + e.getSQLState() + " "
                + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
          }
        }
      }
    }
    return connection;
  }
}
