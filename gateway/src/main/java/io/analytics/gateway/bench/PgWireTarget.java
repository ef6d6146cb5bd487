package io.analytics.gateway.bench;

import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Random;
import org.postgresql.PGConnection;

/** A PostgreSQL-protocol server (PostgreSQL itself or the gateway) driven by pgjdbc. */
final class PgWireTarget implements BenchTarget {
  private final String name;
  private final String url;
  private final String user;
  private final String trades;
  private final String accounts;
  private final int accountRows;

  PgWireTarget(String name, String url, String user, String trades, String accounts, int accountRows) {
    this.name = name;
    this.url = url;
    this.user = user;
    this.trades = trades;
    this.accounts = accounts;
    this.accountRows = accountRows;
  }

  @Override
  public String name() {
    return name;
  }

  private Connection connect(boolean binary) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("binaryTransfer", Boolean.toString(binary));
    // Named statements from the first use, so that binary transfer applies at once.
    properties.setProperty("prepareThreshold", binary ? "-1" : "5");
    properties.setProperty("defaultRowFetchSize", "10000");
    return DriverManager.getConnection(url, properties);
  }

  @Override
  public long run(Workload workload) throws Exception {
    boolean binary = workload.kind() == Workload.Kind.BINARY;
    try (Connection connection = connect(binary)) {
      // Fetch sizes only stream inside a transaction in pgjdbc.
      connection.setAutoCommit(false);
      long started = System.nanoTime();
      switch (workload.kind()) {
        case QUERY -> {
          try (Statement statement = connection.createStatement();
              ResultSet rows = statement.executeQuery(workload.sql().formatted(trades))) {
            while (rows.next()) {
              rows.getObject(1);
            }
          }
        }
        case COPY -> connection.unwrap(PGConnection.class).getCopyAPI()
            .copyOut(workload.sql().formatted(trades), OutputStream.nullOutputStream());
        case TEXT, BINARY -> {
          try (PreparedStatement statement = connection.prepareStatement(workload.sql().formatted(trades));
              ResultSet rows = statement.executeQuery()) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
              for (int i = 1; i <= columns; i++) {
                rows.getString(i);
              }
            }
          }
        }
        case ROUND_TRIPS -> {
          boolean lookup = workload.name().equals("point_lookup");
          Random random = new Random(7);
          try (PreparedStatement statement = connection.prepareStatement(lookup ? workload.sql().formatted(accounts) : workload.sql())) {
            started = System.nanoTime();
            for (int i = 0; i < Workload.ROUND_TRIPS; i++) {
              if (lookup) {
                statement.setLong(1, random.nextInt(accountRows));
              }
              try (ResultSet rows = statement.executeQuery()) {
                rows.next();
              }
            }
          }
          connection.commit();
          return (System.nanoTime() - started) / Workload.ROUND_TRIPS;
        }
      }
      connection.commit();
      return System.nanoTime() - started;
    }
  }

  @Override
  public void close() {}
}
