package io.analytics.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.duckdb.DuckDbStatementType;
import org.junit.jupiter.api.Test;

/** How DuckDB's statement types and the lexer's kinds must agree before the guard trusts the lexer's details. */
class DuckDbStatementKindsTest {
  @Test
  void theLexersReadingMustBeOneDuckDbsTypeAllows() {
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.DELETE, StatementKind.WRITE, "TRUNCATE")).isTrue();
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.SET, StatementKind.SESSION, "USE")).isTrue();
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.CALL, StatementKind.MAINTENANCE, "CHECKPOINT")).isTrue();
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.DROP, StatementKind.SESSION, "DEALLOCATE")).isTrue();
    // The lexer reads a setting or a session command where DuckDB reads a write: the two disagree.
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.DELETE, StatementKind.SETTING, "SET")).isFalse();
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.DROP, StatementKind.SESSION, "USE")).isFalse();
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.INSERT, StatementKind.READ, "SELECT")).isFalse();
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.OTHER, StatementKind.READ, "SELECT")).isFalse();
    // What the lexer forbids stays forbidden whatever DuckDB reads.
    assertThat(DuckDbStatementKinds.agree(DuckDbStatementType.PRAGMA, StatementKind.FORBIDDEN, "IMPORT")).isTrue();
  }

  @Test
  void someTypesAreRefusedOrAreWritesByDuckDbsWordAlone() {
    assertThat(DuckDbStatementKinds.isForbidden(DuckDbStatementType.ATTACH)).isTrue();
    assertThat(DuckDbStatementKinds.isForbidden(DuckDbStatementType.LOAD)).isTrue();
    assertThat(DuckDbStatementKinds.isForbidden(DuckDbStatementType.SET)).isFalse();
    assertThat(DuckDbStatementKinds.writes(DuckDbStatementType.DROP, "DROP")).isTrue();
    assertThat(DuckDbStatementKinds.writes(DuckDbStatementType.DROP, "DEALLOCATE")).isFalse();
    assertThat(DuckDbStatementKinds.writes(DuckDbStatementType.MERGE_INTO, "MERGE")).isTrue();
    assertThat(DuckDbStatementKinds.writes(DuckDbStatementType.CALL, "CALL")).isFalse();
  }
}
