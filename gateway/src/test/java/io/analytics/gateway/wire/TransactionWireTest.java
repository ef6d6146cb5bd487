package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.core.TransactionState;
import org.postgresql.jdbc.PgConnection;

/** BEGIN/COMMIT/ROLLBACK map onto DuckDB transactions; ReadyForQuery reports I, T and E. */
class TransactionWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static TransactionState state(Connection connection) throws SQLException {
    return connection.unwrap(PgConnection.class).getTransactionState();
  }

  private static long count(Statement statement, String table) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void rollbackUndoesAndCommitKeeps() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tx_basic(x INT)");
      statement.execute("BEGIN");
      assertThat(state(connection)).isEqualTo(TransactionState.OPEN);
      statement.execute("INSERT INTO tx_basic VALUES (1)");
      statement.execute("ROLLBACK");
      assertThat(state(connection)).isEqualTo(TransactionState.IDLE);
      assertThat(count(statement, "tx_basic")).isZero();
      statement.execute("BEGIN");
      statement.execute("INSERT INTO tx_basic VALUES (2)");
      statement.execute("COMMIT");
      assertThat(count(statement, "tx_basic")).isEqualTo(1);
    }
  }

  @Test
  void failedTransactionRefusesStatementsUntilRollback() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tx_failed(x INT)");
      statement.execute("BEGIN");
      statement.execute("INSERT INTO tx_failed VALUES (1)");
      assertThatThrownBy(() -> statement.execute("SELECT * FROM missing_table"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
      assertThat(state(connection)).isEqualTo(TransactionState.FAILED);
      assertThatThrownBy(() -> statement.execute("SELECT 1"))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("25P02");
      statement.execute("ROLLBACK");
      assertThat(state(connection)).isEqualTo(TransactionState.IDLE);
      assertThat(count(statement, "tx_failed")).isZero();
    }
  }

  @Test
  void jdbcAutoCommitOffUsesRealTransactions() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tx_jdbc(x INT)");
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO tx_jdbc VALUES (1)");
      try (Connection other = gateway.connect(); Statement otherStatement = other.createStatement()) {
        assertThat(count(otherStatement, "tx_jdbc")).as("uncommitted rows are invisible to others").isZero();
        connection.commit();
        assertThat(count(otherStatement, "tx_jdbc")).isEqualTo(1);
      }
    }
  }

  @Test
  void commitOfAFailedTransactionRollsBack() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tx_commit_failed(x INT)");
      statement.execute("BEGIN");
      statement.execute("INSERT INTO tx_commit_failed VALUES (1)");
      assertThatThrownBy(() -> statement.execute("SELECT 1/'x'::INT")).isInstanceOf(SQLException.class);
      statement.execute("COMMIT");
      assertThat(state(connection)).isEqualTo(TransactionState.IDLE);
      assertThat(count(statement, "tx_commit_failed")).isZero();
    }
  }
}
