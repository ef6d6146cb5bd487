package io.analytics.gateway.differential;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One statement run through pgjdbc against PostgreSQL and against the gateway, after optional setup
 * statements on the same connection, with optional parameters (then it runs as a prepared statement).
 * A case whose answers deliberately differ carries the {@link Difference}: why, and what the gateway
 * answers instead.
 */
record DifferentialCase(String name, List<String> setup, String sql, List<Object> parameters, Difference difference) {
  DifferentialCase {
    requireNonNull(name, "name is null");
    setup = List.copyOf(setup);
    requireNonNull(sql, "sql is null");
    parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters)); // a parameter may be SQL NULL
  }

  /** Where the gateway answers differently on purpose; {@code gatewayAnswer} is {@link Answer#rendered()}. */
  record Difference(String reason, String gatewayAnswer) {
    Difference {
      requireNonNull(reason, "reason is null");
      requireNonNull(gatewayAnswer, "gatewayAnswer is null");
    }
  }

  /** This case, documented to differ: the gateway answers {@code gatewayAnswer} because of {@code reason}. */
  DifferentialCase differs(String reason, String gatewayAnswer) {
    return new DifferentialCase(name, setup, sql, parameters, new Difference(reason, gatewayAnswer));
  }

  boolean expectedToDiffer() {
    return difference != null;
  }
}
