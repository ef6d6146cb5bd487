package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The interval macros answer as PostgreSQL 15 does (each expected value is PostgreSQL's, as DuckDB writes the interval). */
class PgIntervalFunctionMacrosTest {
  private static MacroDuckDb duckDb;

  @BeforeAll
  static void createMacros() throws SQLException {
    duckDb = new MacroDuckDb(PgIntervalFunctionMacros.statements());
  }

  @AfterAll
  static void close() throws SQLException {
    duckDb.close();
  }

  @Test
  void makeIntervalTakesNamedOrPositionalFieldsAndRoundsSecondsToMicroseconds() throws SQLException {
    assertThat(duckDb.row("SELECT make_interval(years := 2), make_interval(1, 2, 3, 4, 5, 6, 7.25), "
        + "make_interval(hours := -2, mins := -10, secs := -25.3), make_interval(secs => 0.0000005)"))
        .containsExactly("2 years", "1 year 2 months 25 days 05:06:07.25", "-02:10:25.3", "00:00:00");
    assertThatThrownBy(() -> duckDb.row("SELECT make_interval(secs := 'inf')")).hasMessageContaining("interval out of range");
  }

  @Test
  void justifyMovesWholeDaysAndMonthsAndMakesTheSignsAgree() throws SQLException {
    assertThat(duckDb.row("SELECT justify_hours(INTERVAL '-27 hours 1 day'), justify_hours(INTERVAL '1 month 50 hours'), "
        + "justify_days(INTERVAL '-35 days 1 month'), justify_days(INTERVAL '65 days'), "
        + "justify_interval(INTERVAL '-1 month 35 days -1 hour'), justify_interval(INTERVAL '1 month -1 hour'), "
        + "justify_interval(INTERVAL '2147483647 days 24 hours')"))
        .containsExactly("-03:00:00", "1 month 2 days 02:00:00", "-5 days", "2 months 5 days", "4 days 23:00:00", "29 days 23:00:00",
            "5965232 years 4 months 8 days");
  }

  @Test
  void justifyRefusesAResultBeyondTheIntervalRange() {
    assertThatThrownBy(() -> duckDb.row("SELECT justify_interval(INTERVAL '-2147483648 months -30 days')"))
        .isInstanceOf(SQLException.class);
  }

  @Test
  void dateBinFloorsToTheStrideFromTheOrigin() throws SQLException {
    assertThat(duckDb.row("SELECT CAST(date_bin(INTERVAL '5 min', TIMESTAMP '2020-02-01 00:01:01', TIMESTAMP '2020-02-01 00:02:30') AS VARCHAR), "
        + "CAST(date_bin(INTERVAL '15 days', TIMESTAMP '2020-02-11 15:44:17', TIMESTAMP '2001-01-01') AS VARCHAR), "
        + "CAST(date_bin(INTERVAL '1 hour 30 minutes', TIMESTAMP '2020-02-11 15:44:17', TIMESTAMP '2001-01-01') AS VARCHAR)"))
        .containsExactly("2020-01-31 23:57:30", "2020-02-06 00:00:00", "2020-02-11 15:00:00");
    assertThatThrownBy(() -> duckDb.row("SELECT date_bin(INTERVAL '1 month', TIMESTAMP '2020-02-01', TIMESTAMP '2020-01-01')"))
        .hasMessageContaining("containing months or years");
    assertThatThrownBy(() -> duckDb.row("SELECT date_bin(INTERVAL '0 days', TIMESTAMP '2020-02-01', TIMESTAMP '2020-01-01')"))
        .hasMessageContaining("stride must be greater than zero");
  }

  @Test
  void namesCoverEveryPublicMacro() {
    assertThat(PgIntervalFunctionMacros.NAMES).containsExactlyInAnyOrderElementsOf(
        List.of("make_interval", "justify_hours", "justify_days", "justify_interval", "date_bin"));
  }
}
