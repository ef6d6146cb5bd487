package io.analytics.gateway.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

/** The round-trip workloads: one prepared statement executed {@link Workload#ROUND_TRIPS} times on a connection. */
final class RoundTrips {
  private RoundTrips() {}

  /** Nanoseconds per execution, a random key below {@code keys} bound each time when {@code keys > 0}. */
  static long nanosPerQuery(Connection connection, String sql, long keys) throws SQLException {
    Random random = new Random(7);
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      long started = System.nanoTime();
      for (int i = 0; i < Workload.ROUND_TRIPS; i++) {
        if (keys > 0) {
          statement.setLong(1, (long) (random.nextDouble() * keys));
        }
        try (ResultSet rows = statement.executeQuery()) {
          rows.next();
        }
      }
      return (System.nanoTime() - started) / Workload.ROUND_TRIPS;
    }
  }
}
