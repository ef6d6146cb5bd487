package io.analytics.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadOnlyGuardTest {
  @Test
  void refusesEveryWriteWith25006WhateverItsDisguise() {
    List<String> writes = List.of(
        "INSERT INTO t VALUES (1)",
        "/* just reading */ InSeRt INTO t VALUES (1)",
        "WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x",
        "EXPLAIN ANALYZE DELETE FROM t",
        "UPDATE t SET a = 1",
        "MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE",
        "TRUNCATE t",
        "CREATE TABLE t (a INTEGER)",
        "CREATE TEMP TABLE t (a INTEGER)",
        "CREATE OR REPLACE VIEW gold.v AS SELECT 1",
        "DROP VIEW gold.v",
        "ALTER TABLE t ADD COLUMN b INTEGER",
        "COMMENT ON TABLE t IS 'x'",
        "CHECKPOINT",
        "VACUUM",
        "COPY t FROM 'data/bronze/x.csv'",
        "IMPORT DATABASE 'data/export'",
        "PREPARE p AS DELETE FROM t",
        "PREPARE p (INTEGER) AS INSERT INTO t VALUES ($1)");
    for (String sql : writes) {
      assertThatThrownBy(() -> ReadOnlyGuard.check(SqlStatement.parse(sql)))
          .as(sql)
          .isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.sqlState()).isEqualTo(SqlState.READ_ONLY_SQL_TRANSACTION);
            assertThat(e.getMessage()).contains("read-only transaction").contains("read replica");
            assertThat(e.hint()).contains("--replica");
          });
    }
  }

  @Test
  void namesWhatWasRefusedAsPostgresqlDoes() {
    assertThat(message("with x AS (SELECT 1) insert into t select * from x")).startsWith("cannot execute INSERT in");
    assertThat(message("CREATE OR REPLACE TABLE t AS SELECT 1")).startsWith("cannot execute CREATE TABLE in");
    assertThat(message("COPY t FROM STDIN")).startsWith("cannot execute COPY FROM in");
  }

  @Test
  void letsReadsAndSessionStatementsThrough() {
    List<String> reads = List.of(
        "SELECT 'insert into t values (1)' AS text",
        "SELECT * FROM \"insert\"",
        "WITH x AS (SELECT 1) SELECT * FROM x",
        "EXPLAIN SELECT * FROM gold.daily_pnl",
        "SHOW TABLES",
        "DESCRIBE gold.daily_pnl",
        "BEGIN",
        "COMMIT",
        "SET search_path = gold",
        "COPY (SELECT 1) TO STDOUT",
        "COPY gold.daily_pnl TO STDOUT",
        "PREPARE p AS SELECT * FROM gold.daily_pnl",
        "EXECUTE p");
    for (String sql : reads) {
      assertThatCode(() -> ReadOnlyGuard.check(SqlStatement.parse(sql))).as(sql).doesNotThrowAnyException();
    }
  }

  private static String message(String sql) {
    try {
      ReadOnlyGuard.check(SqlStatement.parse(sql));
    } catch (PlatformException e) {
      return e.getMessage();
    }
    throw new AssertionError("not refused: " + sql);
  }
}
