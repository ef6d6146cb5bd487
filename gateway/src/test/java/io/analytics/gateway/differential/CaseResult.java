package io.analytics.gateway.differential;

import static java.util.Objects.requireNonNull;

/** One case run on one protocol: both servers' answers and how they compare. */
record CaseResult(String area, DifferentialCase testCase, Protocol protocol, Answer postgres, Answer gateway, boolean ordered,
    Verdict verdict, long gatewayMillis) {
  CaseResult {
    requireNonNull(area, "area is null");
    requireNonNull(testCase, "testCase is null");
    requireNonNull(protocol, "protocol is null");
    requireNonNull(postgres, "postgres is null");
    requireNonNull(gateway, "gateway is null");
    requireNonNull(verdict, "verdict is null");
  }

  static CaseResult compare(String area, DifferentialCase testCase, Protocol protocol, Answer postgres, Answer gateway,
      long gatewayMillis) {
    boolean ordered = RowOrder.definedBy(testCase.sql());
    Verdict verdict = Verdict.of(postgres, gateway, ordered);
    if (verdict == Verdict.ROW_ORDER_DIFFERS && TieGroups.sameUpToTies(testCase.sql(), postgres.columns(), postgres.rows(), gateway.rows())) {
      // Only ties moved: rows of equal ORDER BY keys, whose order the SQL leaves unspecified (see TieGroups).
      verdict = Verdict.of(postgres, gateway, false);
    }
    return new CaseResult(area, testCase, protocol, postgres, gateway, ordered, verdict, gatewayMillis);
  }

  String gatewayRendered() {
    return gateway.rendered(ordered);
  }

  String postgresRendered() {
    return postgres.rendered(ordered);
  }

  /** Whether the case's own documented difference (cases.txt's differs/gateway lines) is what the gateway answered. */
  boolean documentedInline() {
    return testCase.expectedToDiffer() && testCase.difference().gatewayAnswer().equals(gateway.rendered());
  }

  /** Why the answers differ, in a few words: the gateway's error, or what differs. */
  String reason() {
    return switch (verdict) {
      case GATEWAY_ERROR, ERROR_CLASS_DIFFERS -> gateway.sqlState() + ": " + firstLine(gateway.message());
      case GATEWAY_ANSWERS_WHERE_POSTGRES_REFUSES -> "PostgreSQL: " + postgres.sqlState() + ": " + firstLine(postgres.message());
      default -> testCase.expectedToDiffer() ? testCase.difference().reason() : verdict.description();
    };
  }

  private static String firstLine(String message) {
    String line = message == null ? "" : message.lines().findFirst().orElse("");
    return line.length() > 200 ? line.substring(0, 200) + "..." : line;
  }

  KnownDifferences.Entry entry() {
    return new KnownDifferences.Entry(area, testCase.name(), protocol, verdict, gatewayRendered(), postgresRendered(), reason(),
        testCase.sql());
  }
}
