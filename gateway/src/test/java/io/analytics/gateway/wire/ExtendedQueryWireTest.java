package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extended query protocol as pgjdbc drives it: Parse/Bind/Describe/Execute/Sync. */
class ExtendedQueryWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static Connection connect() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("prepareThreshold", "1");
    return gateway.connect(properties);
  }

  @Test
  void parametersBindToTheirPlaceholders() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM bronze.trades WHERE symbol = ? AND quantity > ?")) {
      statement.setString(1, "SYM3");
      statement.setInt(2, 50);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        // SYM3 rows have quantities 4, 24, 44, 64 and 84, 100 rows each: 64 and 84 exceed 50.
        assertThat(rs.getLong(1)).isEqualTo(200);
      }
    }
  }

  @Test
  void namedStatementCanBeReExecutedManyTimes() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement("SELECT ?::INTEGER * 2 AS doubled")) {
      for (int i = 0; i < 200; i++) {
        statement.setInt(1, i);
        try (ResultSet rs = statement.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getInt(1)).isEqualTo(i * 2);
          assertThat(rs.next()).isFalse();
        }
      }
    }
  }

  @Test
  void fetchSizeReadsEveryRowThroughSuspendedPortals() throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      try (PreparedStatement statement = connection.prepareStatement("SELECT trade_id FROM bronze.trades ORDER BY trade_id")) {
        statement.setFetchSize(7);
        long count = 0;
        long sum = 0;
        try (ResultSet rs = statement.executeQuery()) {
          while (rs.next()) {
            count++;
            sum += rs.getLong(1);
          }
        }
        assertThat(count).as("no page may be truncated").isEqualTo(10_000);
        assertThat(sum).isEqualTo(10_000L * 9_999 / 2);
      }
      connection.commit();
    }
  }

  @Test
  void twoOpenPortalsCanBeReadAlternately() throws SQLException {
    try (Connection connection = connect()) {
      connection.setAutoCommit(false);
      // Larger than one Arrow batch, so a portal is parked in memory in the middle of a batch.
      int rows = 10_000;
      try (PreparedStatement first = connection.prepareStatement("SELECT i FROM range(0, 10000) t(i) ORDER BY i");
          PreparedStatement second = connection.prepareStatement("SELECT i FROM range(50000, 60000) t(i) ORDER BY i")) {
        first.setFetchSize(10);
        second.setFetchSize(10);
        try (ResultSet a = first.executeQuery(); ResultSet b = second.executeQuery()) {
          for (int i = 0; i < rows; i++) {
            assertThat(a.next()).isTrue();
            assertThat(b.next()).isTrue();
            assertThat(a.getLong(1)).isEqualTo(i);
            assertThat(b.getLong(1)).isEqualTo(50_000 + i);
          }
          assertThat(a.next()).isFalse();
          assertThat(b.next()).isFalse();
        }
      }
      connection.commit();
    }
  }

  @Test
  void describingAStatementDoesNotExecuteIt() throws SQLException {
    try (Connection connection = connect(); Statement setup = connection.createStatement()) {
      setup.execute("CREATE TABLE describe_only(x INT)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO describe_only VALUES (1)")) {
        assertThat(insert.getMetaData()).isNull();
        insert.getParameterMetaData();
      }
      try (PreparedStatement select = connection.prepareStatement("SELECT x, x + 1 AS y FROM describe_only")) {
        assertThat(select.getMetaData().getColumnCount()).isEqualTo(2);
        assertThat(select.getMetaData().getColumnName(2)).isEqualTo("y");
      }
      try (ResultSet rs = setup.executeQuery("SELECT count(*) FROM describe_only")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void batchOfInsertsReportsEachCount() throws SQLException {
    try (Connection connection = connect(); Statement setup = connection.createStatement()) {
      setup.execute("CREATE TABLE batched(id INT, name VARCHAR)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched VALUES (?, ?)")) {
        for (int i = 0; i < 50; i++) {
          insert.setInt(1, i);
          insert.setString(2, "n" + i);
          insert.addBatch();
        }
        int[] counts = insert.executeBatch();
        assertThat(counts).hasSize(50).containsOnly(1);
      }
      try (ResultSet rs = setup.executeQuery("SELECT count(*), sum(id) FROM batched")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(50);
        assertThat(rs.getLong(2)).isEqualTo(1225);
      }
    }
  }

  @Test
  void batchWithAFailingEntryInsertsNothing() throws SQLException {
    try (Connection connection = connect(); Statement setup = connection.createStatement()) {
      setup.execute("CREATE TABLE batched_atomic(id INT PRIMARY KEY)");
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO batched_atomic VALUES (?::INTEGER)")) {
        for (String id : new String[] {"1", "2", "2", "3"}) {
          insert.setString(1, id);
          insert.addBatch();
        }
        assertThatThrownBy(insert::executeBatch).isInstanceOf(java.sql.BatchUpdateException.class);
      }
      try (ResultSet rs = setup.executeQuery("SELECT count(*) FROM batched_atomic")) {
        rs.next();
        assertThat(rs.getLong(1)).as("the batch is one implicit transaction").isZero();
      }
      try (ResultSet rs = setup.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
      }
    }
  }

  @Test
  void errorSkipsToSyncAndTheSessionLivesOn() throws SQLException {
    try (Connection connection = connect()) {
      try (PreparedStatement bad = connection.prepareStatement("SELECT no_such_column FROM bronze.trades")) {
        assertThatThrownBy(bad::executeQuery).extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42703");
      }
      try (PreparedStatement good = connection.prepareStatement("SELECT 1")) {
        try (ResultSet rs = good.executeQuery()) {
          rs.next();
          assertThat(rs.getInt(1)).isEqualTo(1);
        }
      }
    }
  }

  @Test
  void nullParametersAreSqlNull() throws SQLException {
    try (Connection connection = connect();
        PreparedStatement statement = connection.prepareStatement("SELECT ? IS NULL AS missing")) {
      statement.setNull(1, java.sql.Types.VARCHAR);
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        assertThat(rs.getBoolean(1)).isTrue();
      }
    }
  }
}
