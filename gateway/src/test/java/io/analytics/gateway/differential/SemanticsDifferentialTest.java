package io.analytics.gateway.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The PostgreSQL dialect cases of {@code differential/semantics.txt} (literals, casts, operators,
 * result types and shapes; same format as cases.txt) through pgjdbc against PostgreSQL and the
 * gateway, once over the extended protocol and once over the simple one ({@code preferQueryMode=simple},
 * where pgjdbc inlines parameters as literals): the answers (column names, type names, values as
 * text, or the SQLSTATE) must be equal, or differ exactly as documented.
 */
class SemanticsDifferentialTest {
  private static final String DATABASE = "lake";
  private static final String RESOURCE = "/differential/semantics.txt";

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static PostgresServer postgres;

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.shared();
    postgres.createDatabase(DATABASE);
  }

  @TestFactory
  Stream<DynamicTest> extendedProtocol() {
    return cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> compare(testCase, false)));
  }

  @TestFactory
  Stream<DynamicTest> simpleProtocol() {
    return cases().stream().map(testCase -> DynamicTest.dynamicTest(testCase.name(), () -> compare(testCase, true)));
  }

  private static void compare(DifferentialCase testCase, boolean simple) throws SQLException {
    Answer expected = Answer.of(postgres(simple), testCase);
    Answer actual = Answer.of(gateway(simple), testCase);
    if (testCase.expectedToDiffer()) {
      assertThat(actual.rendered()).as("the gateway's documented answer to " + testCase.sql())
          .isEqualTo(testCase.difference().gatewayAnswer());
      assertThat(expected.rendered()).as("PostgreSQL still answers differently (else drop the difference)")
          .isNotEqualTo(actual.rendered());
    } else {
      assertThat(actual.rendered()).as(testCase.sql()).isEqualTo(expected.rendered());
    }
  }

  private static Connection postgres(boolean simple) throws SQLException {
    Properties properties = mode(simple);
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), properties);
  }

  private static Connection gateway(boolean simple) throws SQLException {
    return gateway.connect(mode(simple));
  }

  private static Properties mode(boolean simple) {
    Properties properties = new Properties();
    properties.setProperty("preferQueryMode", simple ? "simple" : "extended");
    return properties;
  }

  private static List<DifferentialCase> cases() {
    try (InputStream in = SemanticsDifferentialTest.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      return DifferentialCases.parse("semantics", new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList())
          .stream().flatMap(area -> area.cases().stream()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
