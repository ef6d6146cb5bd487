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

  private static String show(Statement statement, String parameter) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SHOW " + parameter)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static SQLException refusal(Statement statement, String sql) {
    try {
      statement.execute(sql);
    } catch (SQLException e) {
      return e;
    }
    throw new AssertionError("not refused: " + sql);
  }

  @Test
  void jdbcSetReadOnlyMakesReadOnlyTransactions() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tx_readonly_jdbc(x INT)");
      connection.setReadOnly(true);
      connection.setAutoCommit(false);
      assertThat(show(statement, "transaction_read_only")).isEqualTo("on");
      SQLException insert = refusal(statement, "INSERT INTO tx_readonly_jdbc VALUES (1)");
      assertThat(insert.getSQLState()).isEqualTo("25006");
      assertThat(insert.getMessage()).contains("cannot execute INSERT in a read-only transaction");
      connection.rollback();
      connection.setReadOnly(false);
      statement.execute("INSERT INTO tx_readonly_jdbc VALUES (1)");
      connection.commit();
      assertThat(count(statement, "tx_readonly_jdbc")).isEqualTo(1);
    }
  }

  @Test
  void everyWayToAskForReadOnlyRefusesWrites() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tx_readonly(x INT)");
      statement.execute("BEGIN READ ONLY");
      assertThat(show(statement, "transaction_read_only")).isEqualTo("on");
      SQLException temp = refusal(statement, "CREATE TEMP TABLE tx_temp(i int)");
      assertThat(temp.getSQLState()).isEqualTo("25006");
      assertThat(temp.getMessage()).contains("cannot execute CREATE TABLE in a read-only transaction");
      statement.execute("ROLLBACK");
      assertThat(show(statement, "transaction_read_only")).isEqualTo("off");

      statement.execute("START TRANSACTION READ ONLY, ISOLATION LEVEL SERIALIZABLE");
      assertThat(refusal(statement, "UPDATE tx_readonly SET x = 2").getSQLState()).isEqualTo("25006");
      statement.execute("ROLLBACK");

      statement.execute("BEGIN");
      statement.execute("SET TRANSACTION READ ONLY");
      assertThat(refusal(statement, "DELETE FROM tx_readonly").getSQLState()).isEqualTo("25006");
      statement.execute("ROLLBACK");

      statement.execute("SET default_transaction_read_only = on");
      assertThat(show(statement, "transaction_read_only")).isEqualTo("on");
      assertThat(refusal(statement, "INSERT INTO tx_readonly VALUES (1)").getSQLState()).isEqualTo("25006");
      statement.execute("BEGIN");
      statement.execute("SELECT 1");
      assertThat(refusal(statement, "SET TRANSACTION READ WRITE").getSQLState()).isEqualTo("25001");
      statement.execute("ROLLBACK");
      statement.execute("BEGIN READ WRITE");
      statement.execute("INSERT INTO tx_readonly VALUES (1)");
      statement.execute("COMMIT");
      statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
      assertThat(show(statement, "default_transaction_read_only")).isEqualTo("off");
      statement.execute("INSERT INTO tx_readonly VALUES (2)");
      assertThat(count(statement, "tx_readonly")).isEqualTo(2);
    }
  }

  /** DuckDB gives every transaction snapshot isolation: PostgreSQL's repeatable read, whatever was asked. */
  @Test
  void isolationLevelsAreAcceptedAndReportedAsTheEngineProvides() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      assertThat(show(statement, "transaction_isolation")).isEqualTo("repeatable read");
      statement.execute("BEGIN ISOLATION LEVEL READ COMMITTED");
      statement.execute("SET TRANSACTION ISOLATION LEVEL SERIALIZABLE");
      assertThat(show(statement, "transaction isolation level")).isEqualTo("repeatable read");
      statement.execute("COMMIT");
      connection.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      assertThat(connection.getTransactionIsolation()).isEqualTo(Connection.TRANSACTION_REPEATABLE_READ);
      assertThat(refusal(statement, "SET default_transaction_isolation = 'sometimes'").getSQLState()).isEqualTo("22023");
    }
  }

  @Test
  void serialKeysAndGeneratedKeys() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE tx_serial(id bigserial PRIMARY KEY, name text)");
      statement.execute("CREATE TABLE tx_identity(id int GENERATED BY DEFAULT AS IDENTITY (START WITH 100), name text)");
      try (java.sql.PreparedStatement insert = connection.prepareStatement(
          "INSERT INTO tx_serial(name) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
        for (String name : new String[] {"a", "b"}) {
          insert.setString(1, name);
          insert.executeUpdate();
        }
        try (ResultSet keys = insert.getGeneratedKeys()) {
          assertThat(keys.next()).isTrue();
          assertThat(keys.getLong("id")).isEqualTo(2);
        }
      }
      try (ResultSet rs = statement.executeQuery("INSERT INTO tx_identity(name) VALUES ('x'), ('y') RETURNING id")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(100);
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(101);
      }
      try (ResultSet rs = statement.executeQuery("SELECT nextval('tx_serial_id_seq')")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(3);
      }
    }
  }
}
