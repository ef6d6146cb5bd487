package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analytics run}: psql's variable interpolation and its --single-transaction. */
class RunScriptTest {
  @TempDir Path home;

  CliRun cli(String... args) {
    return CliRun.in(home, args);
  }

  @Test
  void aQuotedVariableIsAValueNeverSql() throws Exception {
    assertThat(cli("init").exitCode()).isZero();
    Path script = Files.writeString(home.resolve("names.sql"),
        "CREATE TABLE main.names AS SELECT 'alice' AS name UNION ALL SELECT 'bob';\n"
            + "SELECT count(*) AS n FROM main.names WHERE name = :'who';\n"
            + "SELECT :\"col\" FROM main.names WHERE name = :'who' LIMIT :limit;\n");
    CliRun injected = cli("run", script.toString(), "-v", "who=x' OR '1'='1", "-v", "col=name", "-v", "limit=5", "--format", "csv");
    assertThat(injected.exitCode()).as(injected.err()).isZero();
    assertThat(injected.out()).isEqualTo("n\n0\nname\n");
    CliRun missing = cli("query", "DROP TABLE main.names");
    assertThat(missing.exitCode()).isZero();
    CliRun unset = cli("run", script.toString(), "-v", "col=name");
    assertThat(unset.exitCode()).isEqualTo(2);
    assertThat(unset.err()).contains("who").contains("not set").contains("-v who=VALUE");
  }

  @Test
  void byDefaultStatementsBeforeAFailureStayCommittedAndSingleTransactionUndoesThem() throws Exception {
    assertThat(cli("init").exitCode()).isZero();
    Path script = Files.writeString(home.resolve("fails.sql"), String.join("\n",
        "CREATE TABLE main.:name (x INTEGER);", "INSERT INTO main.:name VALUES (1), (2);",
        "SELECT * FROM main.no_such_table;"));
    CliRun atomic = cli("run", script.toString(), "-v", "name=atomic", "--single-transaction");
    assertThat(atomic.exitCode()).isNotZero();
    assertThat(atomic.err()).contains("statement 3").contains("no_such_table");
    assertThat(cli("query", "SELECT count(*) FROM information_schema.tables WHERE table_name = 'atomic'", "--format", "csv").out())
        .isEqualTo("count_star()\n0\n");

    CliRun plain = cli("run", script.toString(), "-v", "name=plain");
    assertThat(plain.exitCode()).isNotZero();
    assertThat(cli("query", "SELECT count(*) AS n FROM main.plain", "--format", "csv").out()).isEqualTo("n\n2\n");
  }
}
