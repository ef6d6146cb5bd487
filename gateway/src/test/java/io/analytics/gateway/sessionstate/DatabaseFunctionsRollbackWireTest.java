package io.analytics.gateway.sessionstate;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Java function registered once per database by a session's first use inside a transaction (the numeric division's
 * {@code pg_numeric_quotient}) outlives that transaction's rollback: a gateway of its own, so that this is the first
 * use in its database.
 */
class DatabaseFunctionsRollbackWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  /** A first use in a transaction that rolls back leaves the division working for that session and the next ones. */
  @Test
  void aNumericDivisionFirstUsedInARolledBackTransactionStillWorks() throws Exception {
    String sql = "SELECT a / b FROM (VALUES (7::numeric(10,2), 2)) v(a, b)";
    try (Connection first = gateway.connect(); Statement statement = first.createStatement()) {
      first.setAutoCommit(false);
      assertThat(single(statement, sql)).isEqualTo("3.50000000000000000000");
      first.rollback();
      assertThat(single(statement, sql)).isEqualTo("3.50000000000000000000");
      first.commit();
    }
    try (Connection next = gateway.connect(); Statement statement = next.createStatement()) {
      assertThat(single(statement, sql)).isEqualTo("3.50000000000000000000");
    }
  }

  private static String single(Statement statement, String sql) throws Exception {
    try (ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }

}
