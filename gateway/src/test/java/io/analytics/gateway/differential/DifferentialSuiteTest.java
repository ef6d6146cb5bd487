package io.analytics.gateway.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same SQL through pgjdbc against a real PostgreSQL and against the gateway (see {@link
 * DifferentialCases}): each case answers alike (columns, their type names, values as text, SQLSTATEs),
 * or differs exactly as its documented difference says, so the list of differences stays true.
 */
class DifferentialSuiteTest {
  /** The same database name on both sides, so current_database() and the catalog agree. */
  private static final String DATABASE = "lake";

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.shared();
    postgres.createDatabase(DATABASE);
  }

  @TestFactory
  Stream<DynamicTest> sameAnswersAsPostgres() {
    return DifferentialCases.all().stream().map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> {
      Answer expected = Answer.of(postgres.connect(DATABASE), testCase);
      Answer actual = Answer.of(gateway.connect(), testCase);
      if (testCase.expectedToDiffer()) {
        assertThat(actual.rendered()).as("the gateway's documented answer to " + testCase.sql())
            .isEqualTo(testCase.difference().gatewayAnswer());
        assertThat(expected.rendered()).as("PostgreSQL still answers differently (else drop the difference)")
            .isNotEqualTo(actual.rendered());
      } else {
        assertThat(actual.rendered()).as(testCase.sql()).isEqualTo(expected.rendered());
      }
    }));
  }
}
