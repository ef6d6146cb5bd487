package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SAVEPOINT, RELEASE and ROLLBACK TO, emulated over DuckDB by replaying the transaction's earlier
 * writes: a rolled-back savepoint undoes exactly the writes after it, and where a replay could not be
 * exact the transaction can only be rolled back. SQLSTATEs and tags as PostgreSQL 15 answers them.
 */
class SavepointWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static List<Integer> values(Statement statement, String table) throws SQLException {
    List<Integer> values = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery("SELECT x FROM " + table + " ORDER BY x")) {
      while (rs.next()) {
        values.add(rs.getInt(1));
      }
    }
    return values;
  }

  private static String sqlState(ThrowingRunnable action) {
    try {
      action.run();
    } catch (SQLException e) {
      return e.getSQLState();
    }
    throw new AssertionError("no error");
  }

  @FunctionalInterface
  private interface ThrowingRunnable {
    void run() throws SQLException;
  }

  @Test
  void rollbackToSavepointUndoesExactlyTheWritesAfterIt() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sp_exact(x INT)");
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO sp_exact VALUES (1)");
      Savepoint first = connection.setSavepoint("first");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO sp_exact VALUES (?)")) {
        insert.setInt(1, 2);
        insert.executeUpdate();
        Savepoint second = connection.setSavepoint();
        insert.setInt(1, 3);
        insert.executeUpdate();
        connection.rollback(second);
        assertThat(values(statement, "sp_exact")).containsExactly(1, 2);
        statement.execute("UPDATE sp_exact SET x = x * 10");
        connection.rollback(first);
      }
      assertThat(values(statement, "sp_exact")).containsExactly(1);
      statement.execute("INSERT INTO sp_exact VALUES (4)");
      connection.commit();
      connection.setAutoCommit(true);
      assertThat(values(statement, "sp_exact")).containsExactly(1, 4);
    }
  }

  @Test
  void rollbackToSavepointRecoversAnAbortedTransaction() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sp_recover(x INT PRIMARY KEY)");
      statement.execute("BEGIN");
      statement.execute("INSERT INTO sp_recover VALUES (1)");
      statement.execute("SAVEPOINT before_duplicate");
      assertThat(sqlState(() -> statement.execute("INSERT INTO sp_recover VALUES (1)"))).isEqualTo("23505");
      assertThat(sqlState(() -> statement.execute("SELECT 1"))).isEqualTo("25P02");
      assertThat(sqlState(() -> statement.execute("SAVEPOINT another"))).isEqualTo("25P02");
      statement.execute("ROLLBACK TO SAVEPOINT before_duplicate");
      statement.execute("INSERT INTO sp_recover VALUES (2)");
      statement.execute("RELEASE SAVEPOINT before_duplicate");
      statement.execute("COMMIT");
      assertThat(values(statement, "sp_recover")).containsExactly(1, 2);
    }
  }

  @Test
  void savepointErrorsAreAsInPostgres() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      assertThat(sqlState(() -> statement.execute("SAVEPOINT outside"))).isEqualTo("25P01");
      assertThat(sqlState(() -> statement.execute("ROLLBACK TO SAVEPOINT outside"))).isEqualTo("25P01");
      assertThat(sqlState(() -> statement.execute("RELEASE outside"))).isEqualTo("25P01");
      statement.execute("BEGIN");
      statement.execute("SAVEPOINT a");
      statement.execute("RELEASE a");
      assertThat(sqlState(() -> statement.execute("ROLLBACK TO a"))).isEqualTo("3B001");
      statement.execute("ROLLBACK");
    }
  }

  @Test
  void rollbackToIsRefusedWhereReplayCannotBeExactAndTheTransactionCannotCommit() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sp_volatile(x DOUBLE)");
      statement.execute("BEGIN");
      statement.execute("INSERT INTO sp_volatile VALUES (random())");
      statement.execute("SAVEPOINT s");
      statement.execute("INSERT INTO sp_volatile VALUES (2)");
      assertThatThrownBy(() -> statement.execute("ROLLBACK TO SAVEPOINT s"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("random()")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("0A000");
      statement.execute("COMMIT");
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM sp_volatile")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the transaction rolled back as a whole").isZero();
      }
    }
  }

  @Test
  void writesBeforeAVolatileOneStillRollBack() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE sp_later(x DOUBLE)");
      statement.execute("BEGIN");
      statement.execute("INSERT INTO sp_later VALUES (1)");
      statement.execute("SAVEPOINT s");
      statement.execute("INSERT INTO sp_later VALUES (random())");
      statement.execute("ROLLBACK TO SAVEPOINT s");
      statement.execute("COMMIT");
      try (ResultSet rs = statement.executeQuery("SELECT x FROM sp_later")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getDouble(1)).isEqualTo(1.0);
        assertThat(rs.next()).isFalse();
      }
    }
  }
}
