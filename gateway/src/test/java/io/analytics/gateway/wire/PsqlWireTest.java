package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.TestGateway;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real psql binary against the gateway: queries, errors, \copy and Ctrl-C. */
class PsqlWireTest {
  private static TestGateway gateway;

  @BeforeAll
  static void start() {
    boolean psqlPresent = psqlPath() != null;
    if (!psqlPresent) {
      System.out.println("PsqlWireTest skipped: no psql binary on PATH (install postgresql-client)");
    }
    assumeTrue(psqlPresent, "psql is not on PATH");
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static String psqlPath() {
    Path psql = PsqlBinary.find();
    return psql == null ? null : psql.toString();
  }

  private record Result(int exitCode, String out, String err) {}

  private static Process startPsql(String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(psqlPath(), "-X", "-h", "127.0.0.1", "-p", Integer.toString(gateway.port()), "-U", "analyst", "-d", "lake"));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().put("PGCONNECT_TIMEOUT", "10");
    return builder.start();
  }

  private static Result psql(String... args) throws Exception {
    Process process = startPsql(args);
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(
        process.exitValue(),
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
        new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
  }

  @Test
  void runsQueriesAgainstTheLake() throws Exception {
    Result result = psql("-A", "-t", "-c", "SELECT symbol, count(*) FROM bronze.trades WHERE symbol IN ('SYM1', 'SYM2') GROUP BY symbol ORDER BY symbol");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).isEqualTo("SYM1|500\nSYM2|500\n");
  }

  @Test
  void multiStatementStringPrintsEachResult() throws Exception {
    Result result = psql("-A", "-t", "-c", "SELECT 1; SELECT 'two'");
    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).isEqualTo("1\ntwo\n");
  }

  @Test
  void errorsLookLikePostgres() throws Exception {
    Result result = psql("-c", "SELECT * FROM missing_table");
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("ERROR:").contains("missing_table").contains("LINE 1: SELECT * FROM missing_table").contains("^");
  }

  @Test
  void onErrorStopScriptsStopAtTheFirstError() throws Exception {
    Path script = Files.createTempFile("psql", ".sql");
    Files.writeString(script, "\\set ON_ERROR_STOP on\nSELECT 1;\nSELECT broken(;\nSELECT 3;\n");
    Result result = psql("-A", "-t", "-f", script.toString());
    assertThat(result.exitCode()).isEqualTo(3);
    assertThat(result.out()).isEqualTo("1\n");
    assertThat(result.err()).contains("syntax error");
  }

  /** In a script, CSV data ends at the "\\." line as in PostgreSQL (a quoted "\\." is data). */
  @Test
  void csvCopyFromAScriptEndsAtTheEndMarker() throws Exception {
    Path script = Files.createTempFile("psql", ".sql");
    Files.writeString(script, "\\set ON_ERROR_STOP on\nCREATE TEMP TABLE copy_csv_script(a text, b int);\n"
        + "COPY copy_csv_script FROM stdin WITH (FORMAT csv);\nx,1\n\"\\.\",2\n\\.\n"
        + "SELECT a || ':' || b FROM copy_csv_script ORDER BY b;\n");
    Result result = psql("-q", "-A", "-t", "-f", script.toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("x:1\n\\.:2\n");
  }

  @Test
  void timingAndExpandedOutput() throws Exception {
    Result result = psql("-c", "\\timing on", "-c", "\\x on", "-c", "SELECT 1 AS a, 'x' AS b");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("-[ RECORD 1 ]").contains("a | 1").contains("b | x").containsPattern("Time: [0-9.]+ ms");
  }

  /** The query psql 15's tab completion sends for "SELECT * FROM bro<TAB>": schemas complete, tables off the search path do not. */
  @Test
  void tabCompletionQueryCompletesSchemas() throws Exception {
    Result result = psql("-A", "-t", "-c", "SELECT c.relname, NULL::pg_catalog.text FROM pg_catalog.pg_class c "
        + "WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND (c.relname) LIKE 'bro%' AND pg_catalog.pg_table_is_visible(c.oid) "
        + "AND c.relnamespace <> (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = 'pg_catalog') "
        + "UNION ALL SELECT NULL::pg_catalog.text, n.nspname FROM pg_catalog.pg_namespace n "
        + "WHERE n.nspname LIKE 'bro%' AND n.nspname NOT LIKE E'pg\\\\_%' LIMIT 1000");
    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out().strip()).isEqualTo("|bronze");
  }

  @Test
  void copyToAFileWithCsvHeader() throws Exception {
    Path target = Files.createTempFile("psql-copy", ".csv");
    Result result = psql("-c", "\\copy (SELECT symbol, count(*) AS n FROM bronze.trades GROUP BY symbol ORDER BY symbol LIMIT 2) TO '" + target + "' WITH CSV HEADER");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("COPY 2");
    assertThat(Files.readString(target)).isEqualTo("symbol,n\nSYM0,500\nSYM1,500\n");
  }

  @Test
  void copyFromAFileLoadsATable() throws Exception {
    Path source = Files.createTempFile("psql-copy-in", ".csv");
    Files.writeString(source, "id,name\n1,alpha\n2,beta\n");
    Result result = psql("-c", "CREATE TABLE psql_in(id INT, name VARCHAR)", "-c", "\\copy psql_in FROM '" + source + "' WITH CSV HEADER", "-A", "-t", "-c", "SELECT string_agg(name, '+' ORDER BY id) FROM psql_in");
    assertThat(result.err()).isEmpty();
    assertThat(result.out()).contains("COPY 2").endsWith("alpha+beta\n");
  }

  @Test
  void ctrlCCancelsTheRunningQuery() throws Exception {
    Process process = startPsql("-c", CancelWireTest.LONG_QUERY);
    Thread.sleep(1500);
    long signalledAt = System.nanoTime();
    new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).start().waitFor();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalledAt);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(err).contains("canceling statement due to user request");
    assertThat(millis).isLessThan(2000);
  }
}
