package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * Large results are encoded a batch at a time on other cores and still arrive whole and in order:
 * COPY TO STDOUT (text and CSV) byte for byte as PostgreSQL 15 sends the same rows, and SELECT read
 * through pgjdbc in text and binary, all at once and by fetch size (a portal suspended in the middle
 * of a batch, so batches handed to workers and rows encoded in place alternate), value for value
 * against PostgreSQL's answer to the same query.
 */
class PipelinedEncodingWireTest {
  /** Many batches of DuckDB's export, and a count that is not a multiple of a batch. */
  private static final int ROWS = 150_001;
  private static final String ROWS_SQL = "SELECT i, i::float8 / 7 AS ratio, (i * 0.0001)::numeric(18,4) AS price, 'row ' || i AS label, "
      + "DATE '2024-01-01' + (i % 1000)::integer AS day, TIMESTAMPTZ '2024-01-01 00:00:00+00' + (i || ' seconds')::interval AS at, "
      + "CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS flag "
      + "FROM generate_series(0, " + (ROWS - 1) + ") AS t(i) ORDER BY i";

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase("pipelined");

  @Test
  void copyToStdoutIsPostgresesBytesInOrder() throws Exception {
    for (String options : new String[] {"", " (FORMAT csv)"}) {
      String copy = "COPY (" + ROWS_SQL + ") TO STDOUT" + options;
      try (Connection pg = connectPostgres(); Connection gw = connectGateway(false)) {
        byte[] expected = copyOut(pg, copy);
        byte[] actual = copyOut(gw, copy);
        assertThat(new String(actual, java.nio.charset.StandardCharsets.UTF_8).lines().count()).isEqualTo(ROWS);
        assertThat(actual).as("COPY%s", options).isEqualTo(expected);
      }
    }
    if (Runtime.getRuntime().availableProcessors() > 1) {
      // The gateway runs in this JVM: its encoding threads exist once batches went to them.
      assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).anyMatch(name -> name.startsWith("batch-encoder-"));
    }
  }

  @Test
  void binaryCopyIsPostgresesBytesInOrder() throws Exception {
    // Every column typed as PostgreSQL types it (generate_series gives int4 there, BIGINT in DuckDB).
    String typed = "SELECT i::bigint AS i, i::float8 / 7 AS ratio, (i * 0.0001)::numeric(18,4) AS price, 'row ' || i AS label, "
        + "DATE '2024-01-01' + (i % 1000)::integer AS day, TIMESTAMPTZ '2024-01-01 00:00:00+00' + (i || ' seconds')::interval AS at, "
        + "CASE WHEN i % 11 = 0 THEN NULL ELSE i % 3 = 0 END AS flag "
        + "FROM generate_series(0, " + (ROWS - 1) + ") AS t(i) ORDER BY i";
    String copy = "COPY (" + typed + ") TO STDOUT (FORMAT binary)";
    try (Connection pg = connectPostgres(); Connection gw = connectGateway(false)) {
      byte[] expected = copyOut(pg, copy);
      byte[] actual = copyOut(gw, copy);
      // The header (19 bytes), 150,001 rows, the trailer: the same bytes, so the header came once and first.
      assertThat(expected.length).isGreaterThan(ROWS * 7 * 4);
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void rowsReadByPgjdbcAreEveryRowInOrder() throws Exception {
    for (boolean binary : new boolean[] {false, true}) {
      // pgjdbc's getString of a binary value is its own rendering (0.0 for a float8 zero): compare like with like.
      List<List<String>> expected;
      try (Connection pg = connectPostgres(binary)) {
        expected = read(pg, 0);
      }
      assertThat(expected).hasSize(ROWS);
      // 0: one Execute for all rows; 10,000 and 777: portals suspended mid-batch, inside a transaction.
      for (int fetchSize : new int[] {0, 10_000, 777}) {
        try (Connection gw = connectGateway(binary)) {
          List<List<String>> actual = read(gw, fetchSize);
          assertThat(actual).hasSize(ROWS);
          for (int row = 0; row < ROWS; row++) {
            assertThat(actual.get(row)).as("binary %s, fetch size %d, row %d", binary, fetchSize, row).isEqualTo(expected.get(row));
          }
        }
      }
    }
  }

  @Test
  void aPortalSuspendedAtABatchBoundaryReadsOnAfterAnotherStatement() throws Exception {
    List<List<String>> expected;
    try (Connection pg = connectPostgres(false)) {
      expected = read(pg, 0);
    }
    try (Connection gw = connectGateway(false)) {
      gw.setAutoCommit(false);
      try (Statement set = gw.createStatement()) {
        set.execute("SET TimeZone = 'UTC'");
      }
      // 4,096 rows are two whole batches of 2,048 (the default): both go to the encoder threads, and
      // the portal stops where the stream's batch was handed over; the next statement parks the result.
      try (PreparedStatement statement = gw.prepareStatement(ROWS_SQL)) {
        statement.setFetchSize(4096);
        List<List<String>> actual = new ArrayList<>();
        try (ResultSet result = statement.executeQuery()) {
          int columns = result.getMetaData().getColumnCount();
          while (result.next()) {
            if (actual.size() == 100) {
              try (Statement other = gw.createStatement(); ResultSet one = other.executeQuery("SELECT 41 + 1")) {
                assertThat(one.next()).isTrue();
                assertThat(one.getInt(1)).isEqualTo(42);
              }
            }
            List<String> row = new ArrayList<>(columns);
            for (int i = 1; i <= columns; i++) {
              row.add(result.getString(i));
            }
            actual.add(row);
          }
        }
        assertThat(actual).hasSize(ROWS);
        for (int row = 0; row < ROWS; row++) {
          assertThat(actual.get(row)).as("row %d", row).isEqualTo(expected.get(row));
        }
      }
      gw.commit();
    }
  }

  private static List<List<String>> read(Connection connection, int fetchSize) throws SQLException {
    connection.setAutoCommit(fetchSize == 0);
    List<List<String>> rows = new ArrayList<>(ROWS);
    try (Statement set = connection.createStatement()) {
      set.execute("SET TimeZone = 'UTC'");
    }
    try (PreparedStatement statement = connection.prepareStatement(ROWS_SQL)) {
      statement.setFetchSize(fetchSize);
      try (ResultSet result = statement.executeQuery()) {
        int columns = result.getMetaData().getColumnCount();
        while (result.next()) {
          List<String> row = new ArrayList<>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(result.getString(i));
          }
          rows.add(row);
        }
      }
    }
    if (fetchSize != 0) {
      connection.commit();
    }
    return rows;
  }

  private static byte[] copyOut(Connection connection, String sql) throws Exception {
    try (Statement set = connection.createStatement()) {
      set.execute("SET TimeZone = 'UTC'");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, out);
    return out.toByteArray();
  }

  private static Connection connectPostgres() throws SQLException {
    return connectPostgres(false);
  }

  private static Connection connectPostgres(boolean binary) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("binaryTransfer", Boolean.toString(binary));
    properties.setProperty("prepareThreshold", binary ? "-1" : "5");
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    return DriverManager.getConnection(postgres.jdbcUrl(), properties);
  }

  private static Connection connectGateway(boolean binary) throws SQLException {
    Properties properties = new Properties();
    properties.setProperty("binaryTransfer", Boolean.toString(binary));
    // Named statements from the first use, so that binary transfer applies at once.
    properties.setProperty("prepareThreshold", binary ? "-1" : "5");
    return gateway.connect(properties);
  }
}
