package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** upper keeps the sharp s as PostgreSQL 15 does (expected values are its answers). */
class PgCaseMappingMacrosTest {
  private static MacroDuckDb duckDb;

  @BeforeAll
  static void createMacros() throws SQLException {
    duckDb = new MacroDuckDb(PgCaseMappingMacros.statements());
  }

  @AfterAll
  static void close() throws SQLException {
    duckDb.close();
  }

  @Test
  void theSharpSStaysAndEverythingElseIsUpperCased() throws SQLException {
    assertThat(duckDb.row("SELECT upper('straße'), upper('ßaß'), upper('héllo'), upper(''), upper(NULL), upper('ß')"))
        .containsExactly("STRAßE", "ßAß", "HÉLLO", "", null, "ß");
  }
}
