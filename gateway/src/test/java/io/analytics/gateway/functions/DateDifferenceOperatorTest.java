package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** date - date is an integer as in PostgreSQL once the session's minus macro exists; every other minus is DuckDB's. */
class DateDifferenceOperatorTest {
  @Test
  void dateMinusDateIsAnIntegerAndOtherMinusesKeepTheirTypes() throws SQLException {
    try (MacroDuckDb duckDb = new MacroDuckDb(List.of(DateDifferenceOperator.STATEMENT))) {
      assertThat(duckDb.row("SELECT DATE '2024-03-01' - DATE '2024-02-01', typeof(DATE '2024-03-01' - DATE '2024-02-01'), "
          + "typeof(7 - 2), -(3), typeof(-(2.5)), typeof(5.5 - 1), DATE '2024-03-01' - 1, typeof(TIMESTAMP '2024-03-01 10:00' - INTERVAL 1 HOUR), "
          + "TIMESTAMP '2024-03-02' - TIMESTAMP '2024-03-01', typeof(9223372036854775807 - 1)"))
          .containsExactly("29", "INTEGER", "INTEGER", "-3", "DECIMAL(2,1)", "DECIMAL(12,1)", "2024-02-29", "TIMESTAMP", "1 day", "BIGINT");
    }
  }

  @Test
  void onlyAStatementWithAMinusNeedsTheMacro() {
    assertThat(DateDifferenceOperator.isUsedBy(SqlStatement.parse("SELECT d - 1 FROM t"))).isTrue();
    assertThat(DateDifferenceOperator.isUsedBy(SqlStatement.parse("SELECT '-', x->'a' FROM t -- a - b"))).isFalse();
  }
}
