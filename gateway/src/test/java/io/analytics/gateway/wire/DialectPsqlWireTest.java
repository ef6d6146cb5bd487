package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.PsqlBinary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * psql (the simple query protocol, and COPY TO STDOUT) against PostgreSQL 15 and the gateway with
 * the same script: PostgreSQL's dialect (integer division, NULL order, bytea and numeric literals,
 * float, generate_series in the select list, array literals, column name folding) prints the same
 * output, and errors the same SQLSTATE.
 */
class DialectPsqlWireTest {
  private static final String DATABASE = "lake";

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static PostgresServer postgres;

  /** Statements whose whole psql output must be the same on both servers. */
  private static final List<String> SCRIPT = List.of(
      "SELECT 7 / 2 AS q, -7 / 2 AS n, 7 % 2 AS r",
      "SELECT age / 10 AS bucket, count(*) FROM (VALUES (31), (35), (39), (41)) t(age) GROUP BY age / 10 ORDER BY bucket",
      "SELECT 1 / 0",
      "SELECT x FROM (VALUES (1), (NULL), (2)) t(x) ORDER BY x DESC",
      "SELECT x FROM (VALUES (1), (NULL), (2)) t(x) ORDER BY x",
      "SELECT '\\x0001ff'::bytea AS b, octet_length('\\x0001ff'::bytea) = 3 AS three, '\\x'::bytea AS empty",
      "SELECT 'a\\000b'::bytea AS escaped",
      "SELECT '0.0001'::numeric AS a, 1.23456::numeric AS b, '12.34'::numeric AS c, 12345678901234567890.5::numeric AS d",
      "SELECT 1.5::int AS rounded",
      "SELECT '1.5'::int",
      "SELECT 3.141592653589793::float AS f, 'NaN'::float AS nan",
      "SELECT generate_series(1, 3) AS g",
      "SELECT '{1,2,3}'::int[] AS a, '{a,b,c}'::text[] AS t",
      "SELECT 1 AS Foo, 2 AS \"Bar\"",
      "SELECT sum(x) AS s, sum(x::int8) AS s8, avg(x) AS a, '42'::int2::numeric AS n FROM (VALUES (1), (2), (4)) t(x)",
      "SELECT i, sum(i) OVER (ORDER BY i) AS running, avg(i) OVER (ORDER BY i) AS moving FROM (VALUES (2), (4), (5)) t(i) ORDER BY i",
      "SELECT format('%s|%2$s|%1$-4s|%%|%I|%L', 'a', 'My Table', NULL) AS f",
      "SELECT format('%s %s', 'a')",
      "SELECT substr('hello', -1, 3) AS s, split_part('a@b', '', 1) AS p, to_hex(-1) AS h, string_to_array('1|2', '') AS a",
      "SELECT date_trunc('century', DATE '1970-03-20') AS c, date_trunc('month', DATE '2024-05-17') AS m",
      "COPY (SELECT '\\x0001ff'::bytea AS b, '0.0001'::numeric AS n, 7 / 2 AS q) TO STDOUT",
      "COPY (SELECT x FROM (VALUES (1), (NULL)) t(x) ORDER BY x DESC) TO STDOUT WITH (FORMAT csv)");

  @BeforeAll
  static void startPostgres() {
    assumeTrue(PsqlBinary.find() != null, "psql is not on PATH");
    postgres = PostgresServer.shared();
    postgres.createDatabase(DATABASE);
  }

  @Test
  void psqlPrintsWhatPostgresPrints() throws Exception {
    for (String statement : SCRIPT) {
      String expected = psql(postgres.host(), postgres.port(), PostgresServer.USER, PostgresServer.PASSWORD, statement);
      String actual = psql(gateway.host(), gateway.port(), "tester", "", statement);
      assertThat(actual).as(statement).isEqualTo(expected);
    }
  }

  /** psql's output (stdout, then stderr with only the SQLSTATE of an error) for one statement. */
  static String psql(String host, int port, String user, String password, String statement) throws Exception {
    Path binary = PsqlBinary.find();
    List<String> command = new ArrayList<>(List.of(binary.toString(), "-X", "-A", "-v", "VERBOSITY=sqlstate",
        "-h", host, "-p", Integer.toString(port), "-U", user, "-d", DATABASE, "-c", statement));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PGPASSWORD", password);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
        + new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
