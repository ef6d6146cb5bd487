package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.RawPgClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.PGConnection;

/**
 * statement_timeout stops every kind of statement, not only a plain SELECT: extended Execute, a
 * portal's later Execute, FETCH/MOVE on a cursor, COPY in both directions and EXPLAIN ANALYZE (over
 * pgjdbc and psql). Each query here would run for many seconds on its own; the tests only check that
 * it ended with 57014.
 */
class StatementTimeoutWireTest {
  /** One row, computed in DuckDB for far longer than any timeout here. */
  static final String HEAVY = "SELECT sum(hash(i)) FROM range(2000000000) t(i)";
  /** Rows from the first moment on, for minutes: a later fetch that asks for all of them runs long. */
  static final String ENDLESS = "SELECT i FROM range(2000000000) t(i)";

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void timeoutStopsASimpleQuery() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET statement_timeout = '300ms'");
      assertTimedOut(catchThrowableOfType(SQLException.class, () -> statement.execute(HEAVY)));
      assertStillUsable(statement);
    }
  }

  @Test
  void timeoutStopsAnExtendedExecute() throws Exception {
    try (Connection connection = gateway.connect()) {
      connection.createStatement().execute("SET statement_timeout = '300ms'");
      try (PreparedStatement statement = connection.prepareStatement("SELECT sum(hash(i)) FROM range(?) t(i)")) {
        statement.setLong(1, 2_000_000_000L);
        assertTimedOut(catchThrowableOfType(SQLException.class, statement::executeQuery));
      }
      assertStillUsable(connection.createStatement());
    }
  }

  @Test
  void timeoutStopsAPortalResumedByALaterExecute() throws Exception {
    try (RawPgClient client = new RawPgClient(gateway.host(), gateway.port())) {
      client.sendStartup(196608, "user", "tester", "database", "lake");
      client.readUntilReady();
      client.sendQuery("SET statement_timeout = '1s'");
      client.readUntilReady();
      client.sendParseAndBind(ENDLESS);
      client.sendExecute(1, false);
      assertThat(types(client.readSkippingRows())).as("first Execute suspends").endsWith("s");
      // The rest, asked for at once, would stream for minutes.
      client.sendExecute(0, true);
      List<RawPgClient.Message> rest = client.readSkippingRows();
      assertThat(types(rest)).endsWith("EZ");
      assertThat(rest.get(rest.size() - 2).text()).contains("C57014").contains("canceling statement due to statement timeout");
    }
  }

  @Test
  void timeoutStopsAFetchFromACursor() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("SET statement_timeout = '1s'");
      statement.execute("DECLARE endless CURSOR FOR " + ENDLESS);
      try (ResultSet first = statement.executeQuery("FETCH 5 FROM endless")) {
        assertThat(first.next()).isTrue();
      }
      assertTimedOut(catchThrowableOfType(SQLException.class, () -> statement.execute("MOVE ALL FROM endless")));
      connection.rollback();
      assertStillUsable(statement);
    }
  }

  private static String types(List<RawPgClient.Message> messages) {
    StringBuilder types = new StringBuilder();
    messages.forEach(message -> types.append(message.type()));
    return types.toString();
  }

  @Test
  void timeoutStopsCopyToStdout() throws Exception {
    try (Connection connection = gateway.connect()) {
      connection.createStatement().execute("SET statement_timeout = '300ms'");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      SQLException error = catchThrowableOfType(SQLException.class,
          () -> connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY (" + HEAVY + ") TO STDOUT", out));
      assertTimedOut(error);
      assertStillUsable(connection.createStatement());
    }
  }

  @Test
  void timeoutStopsCopyFromStdinWhileTheClientIsSlow() throws Exception {
    try (Connection connection = gateway.connect()) {
      Statement statement = connection.createStatement();
      statement.execute("CREATE TEMP TABLE slow_in(i INTEGER)");
      statement.execute("SET statement_timeout = '300ms'");
      SQLException error = catchThrowableOfType(SQLException.class,
          () -> connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY slow_in FROM STDIN", new SlowRows()));
      assertTimedOut(error);
      statement.execute("SET statement_timeout = 0");
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM slow_in")) {
        rows.next();
        assertThat(rows.getLong(1)).as("nothing loaded").isZero();
      }
    }
  }

  @Test
  void timeoutStopsExplainAnalyze() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("SET statement_timeout = '300ms'");
      assertTimedOut(catchThrowableOfType(SQLException.class, () -> statement.executeQuery("EXPLAIN ANALYZE " + HEAVY)));
      assertStillUsable(statement);
    }
  }

  @Test
  void psqlSeesTheTimeoutOnEveryPath() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    for (String sql : List.of(HEAVY, "COPY (" + HEAVY + ") TO STDOUT", "EXPLAIN ANALYZE " + HEAVY)) {
      String err = psql(null, "-c", "SET statement_timeout = '300ms'", "-c", sql);
      assertThat(err).as(sql).contains("57014").contains("canceling statement due to statement timeout");
    }
    String err = psql(null, "-c", "SET statement_timeout = '1s'", "-c", "BEGIN",
        "-c", "DECLARE endless CURSOR FOR " + ENDLESS, "-c", "FETCH 5 FROM endless", "-c", "MOVE ALL FROM endless");
    assertThat(err).as("FETCH").contains("57014").contains("canceling statement due to statement timeout");
  }

  @Test
  void psqlCopyFromASlowStdinTimesOut() throws Exception {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    String err = psql(process -> {
      OutputStream in = process.getOutputStream();
      in.write("1\n".getBytes(StandardCharsets.UTF_8));
      in.flush();
      Thread.sleep(1500);
      in.write("2\n\\.\n".getBytes(StandardCharsets.UTF_8));
      in.close();
    }, "-c", "SET statement_timeout = '300ms'", "-c", "CREATE TEMP TABLE psql_slow_in(i INTEGER)", "-c", "COPY psql_slow_in FROM STDIN");
    assertThat(err).contains("57014").contains("canceling statement due to statement timeout");
  }

  /** What a psql run printed to stderr (verbose errors carry the SQLSTATE); it must have ended. */
  private static String psql(StdinWriter stdin, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(PsqlBinary.find().toString(), "-X", "-v", "VERBOSITY=verbose",
        "-h", gateway.host(), "-p", Integer.toString(gateway.port()), "-U", "tester", "-d", "lake"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    Process process = builder.start();
    if (stdin == null) {
      process.getOutputStream().close();
    } else {
      stdin.write(process);
    }
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("psql ended").isTrue();
    return new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @FunctionalInterface
  private interface StdinWriter {
    void write(Process process) throws Exception;
  }

  private static void assertTimedOut(SQLException error) {
    assertThat((Throwable) error).as("the statement failed").isNotNull();
    assertThat(error.getSQLState()).as(error.getMessage()).isEqualTo("57014");
    assertThat(error.getMessage()).contains("canceling statement due to statement timeout");
  }

  private static void assertStillUsable(Statement statement) throws SQLException {
    statement.execute("SET statement_timeout = 0");
    try (ResultSet rows = statement.executeQuery("SELECT 42")) {
      rows.next();
      assertThat(rows.getInt(1)).isEqualTo(42);
    }
  }

  /** COPY data that arrives one row, then a long pause, then the rest. */
  private static final class SlowRows extends InputStream {
    private final byte[][] parts = {"1\n".getBytes(StandardCharsets.UTF_8), "2\n".getBytes(StandardCharsets.UTF_8)};
    private int part;

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      if (part >= parts.length) {
        return -1;
      }
      if (part > 0) {
        try {
          Thread.sleep(1500);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException(e);
        }
      }
      byte[] next = parts[part++];
      System.arraycopy(next, 0, buffer, offset, next.length);
      return next.length;
    }
  }
}
