package io.analytics.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationRunnerTest {
  @TempDir Path dir;
  DuckDbDatabase database;
  Connection connection;

  @BeforeEach
  void open() {
    database = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
    connection = database.connect();
  }

  @AfterEach
  void close() throws Exception {
    connection.close();
    database.close();
  }

  List<List<Object>> query(String sql) {
    return new ScriptRunner(connection).execute(sql).rows().rows();
  }

  @Test
  void appliesMigrationsInVersionOrderOnceEach() throws Exception {
    Files.writeString(dir.resolve("V002__add_row.sql"), "INSERT INTO t VALUES (2);");
    Files.writeString(dir.resolve("V001__create.sql"), "CREATE TABLE t (x INTEGER); INSERT INTO t VALUES (1);");
    MigrationRunner runner = new MigrationRunner(connection, dir);

    assertThat(runner.migrate().applied()).extracting(Migration::version).containsExactly(1, 2);
    MigrationRunner.Outcome again = runner.migrate();

    assertThat(again.applied()).isEmpty();
    assertThat(again.alreadyApplied()).isEqualTo(2);
    assertThat(query("SELECT count(*) FROM t")).containsExactly(List.of("2"));
    assertThat(query("SELECT version || ':' || script FROM platform.schema_history ORDER BY version"))
        .containsExactly(List.of("1:V001__create.sql"), List.of("2:V002__add_row.sql"));
  }

  @Test
  void aChangedAppliedMigrationIsRefused() throws Exception {
    Files.writeString(dir.resolve("V001__create.sql"), "CREATE TABLE t (x INTEGER);");
    new MigrationRunner(connection, dir).migrate();
    Files.writeString(dir.resolve("V001__create.sql"), "CREATE TABLE t (x BIGINT);");

    assertThatThrownBy(() -> new MigrationRunner(connection, dir).migrate())
        .hasMessageContaining("V001__create.sql was changed after it was applied");
  }

  @Test
  void aFailingMigrationLeavesNothingBehind() throws Exception {
    Files.writeString(dir.resolve("V001__create.sql"), "CREATE TABLE t (x INTEGER);");
    Files.writeString(dir.resolve("V002__broken.sql"), "INSERT INTO t VALUES (1); INSERT INTO nowhere VALUES (1);");

    assertThatThrownBy(() -> new MigrationRunner(connection, dir).migrate())
        .hasMessageContaining("V002__broken.sql, statement 2");

    assertThat(query("SELECT count(*) FROM t")).containsExactly(List.of("0"));
    assertThat(query("SELECT max(version) FROM platform.schema_history")).containsExactly(List.of("1"));
  }

  @Test
  void scriptsRunWithVariables() {
    List<StatementOutcome> outcomes = new ScriptRunner(connection).run(
        "CREATE TABLE v AS SELECT :n AS n; SELECT n * 2 FROM v;", ScriptVariables.parse(List.of("n=21")), "test.sql");
    assertThat(outcomes.get(1).rows().rows()).containsExactly(List.of("42"));
  }
}
