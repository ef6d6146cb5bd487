package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.analytics.gateway.testing.TestGateway;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Properties;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** DuckDB errors reach clients as ErrorResponses with PostgreSQL's SQLSTATEs; the session lives on. */
class ErrorWireTest {
  private static TestGateway gateway;

  @BeforeAll
  static void start() throws SQLException {
    gateway = TestGateway.start();
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE errors_pk(id INT PRIMARY KEY, v INT NOT NULL CHECK (v > 0))");
      statement.execute("INSERT INTO errors_pk VALUES (1, 1)");
    }
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "SELECT * FROM no_such_table | 42P01",
        "SELECT no_such_column FROM bronze.trades | 42703",
        "SELEC 1 | 42601",
        "SELECT no_such_function(1) | 42883",
        "SELECT 'abc'::INTEGER | 22P02",
        "SELECT 9223372036854775807::BIGINT + 1 | 22003",
        "INSERT INTO errors_pk VALUES (1, 5) | 23505",
        "INSERT INTO errors_pk VALUES (2, NULL) | 23502",
        "INSERT INTO errors_pk VALUES (3, -1) | 23514",
        "SELECT * FROM no_such_schema.t | 42P01",
      })
  void duckDbErrorsCarryPostgresSqlStates(String sql, String sqlState) throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      SQLException error = catchThrowableOfType(SQLException.class, () -> statement.execute(sql));
      assertThat((Throwable) error).as(sql).isNotNull();
      assertThat(error.getSQLState()).as(error.getMessage()).isEqualTo(sqlState);
      try (ResultSet rs = statement.executeQuery("SELECT 42")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the session survives the error").isEqualTo(42);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {"SELECT * FROM no_such_table | 15", "SELECT 1;\\nSELECT  nope FROM bronze.trades | 19"})
  void errorsPointAtTheOffendingText(String sql, int position) throws SQLException {
    java.util.Properties simple = new java.util.Properties();
    simple.setProperty("preferQueryMode", "simple");
    try (Connection connection = gateway.connect(simple); Statement statement = connection.createStatement()) {
      PSQLException error = catchThrowableOfType(PSQLException.class, () -> statement.execute(sql.replace("\\n", "\n")));
      ServerErrorMessage details = error.getServerErrorMessage();
      assertThat(details.getPosition()).isEqualTo(position);
      assertThat(details.getSeverity()).isEqualTo("ERROR");
    }
  }

  /**
   * Results stream, and a streamed query that fails on its first rows loses its reason in
   * duckdb_jdbc ("Invalid result set"); the client must still get DuckDB's error and SQLSTATE,
   * inside a transaction block as well as outside one.
   */
  @Test
  void errorsRaisedWhileTheFirstRowsAreComputedKeepTheirSqlState() throws SQLException {
    String overflow = "SELECT 9223372036854775807::BIGINT + i FROM range(1, 3) t(i)";
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      SQLException outside = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(overflow));
      assertThat(outside.getSQLState()).as(outside.getMessage()).isEqualTo("22003");
      assertThat(outside.getMessage()).isEqualTo("ERROR: bigint out of range");

      connection.setAutoCommit(false);
      SQLException inside = catchThrowableOfType(SQLException.class,
          () -> statement.executeQuery("SELECT 9223372036854775807::BIGINT + i FROM range(1, 3) t(i)"));
      assertThat(inside.getSQLState()).as(inside.getMessage()).isEqualTo("22003");
      SQLException aborted = catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT 1"));
      assertThat(aborted.getSQLState()).as("the block is aborted, as in PostgreSQL").isEqualTo("25P02");
      connection.rollback();
      try (ResultSet rs = statement.executeQuery("SELECT 42")) {
        rs.next();
        assertThat(rs.getInt(1)).isEqualTo(42);
      }
    }
  }

  /**
   * The same inside a transaction block for statements that call the session's own TEMP macros (sqrt
   * and ln are): the statement is run again on a connection given those macros, and the block then
   * behaves as PostgreSQL's: aborted until ROLLBACK, and ROLLBACK TO SAVEPOINT keeps the writes made
   * before the savepoint.
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "SELECT sqrt(x - 2) FROM (VALUES (1.0::float8)) t(x) | 2201F",
      "SELECT ln(x - 1) FROM (VALUES (1.0::float8)) t(x) | 2201E"})
  void errorsOfTheSessionsOwnFunctionsInATransactionBlockKeepTheirSqlState(String sql, String sqlState) throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TEMP TABLE kept_rows(i int)");
      connection.setAutoCommit(false);
      statement.execute("INSERT INTO kept_rows VALUES (1)");
      statement.execute("SAVEPOINT before_failure");
      SQLException inside = catchThrowableOfType(SQLException.class, () -> statement.executeQuery(sql));
      assertThat(inside.getSQLState()).as(inside.getMessage()).isEqualTo(sqlState);
      SQLException aborted = catchThrowableOfType(SQLException.class, () -> statement.executeQuery("SELECT 1"));
      assertThat(aborted.getSQLState()).as("the block is aborted, as in PostgreSQL").isEqualTo("25P02");
      statement.execute("ROLLBACK TO SAVEPOINT before_failure");
      connection.commit();
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM kept_rows")) {
        rs.next();
        assertThat(rs.getInt(1)).as("the write before the savepoint is kept").isEqualTo(1);
      }
      connection.commit();
    }
  }

  /** duckdb_jdbc closes a statement whose execution failed; a named statement must go on working. */
  @Test
  void aNamedStatementRunsAgainAfterAnExecutionError() throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("prepareThreshold", "1"); // a named server-side statement from the first execution
    try (Connection connection = gateway.connect(properties);
        PreparedStatement statement = connection.prepareStatement("SELECT 9223372036854775807::BIGINT + ?::BIGINT")) {
      for (long value : new long[] {-1, 1, -2, 2, -3}) {
        statement.setLong(1, value);
        if (value > 0) {
          SQLException error = catchThrowableOfType(SQLException.class, statement::executeQuery);
          assertThat(error.getSQLState()).as(error.getMessage()).isEqualTo("22003");
        } else {
          try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(Long.MAX_VALUE + value);
          }
        }
      }
    }
  }
}
