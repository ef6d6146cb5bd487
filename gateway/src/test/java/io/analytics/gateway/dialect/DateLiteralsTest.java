package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Dates read as PostgreSQL 15 reads them (each expected value is PostgreSQL's answer), and the literals DuckDB then gets. */
class DateLiteralsTest {
  private static final PgDateInput MDY = new PgDateInput(PgDateInput.Order.MDY);

  private static LocalDate read(PgDateInput input, String text) {
    return input.read(text).orElseThrow();
  }

  private static String translate(String sql) {
    return new DateLiterals(PgDateInput.Order.MDY).apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void readsTheFormsPostgresAccepts() {
    LocalDate expected = LocalDate.of(1999, 1, 8);
    for (String text : new String[] {"1999-01-08", "January 8, 1999", "1999-Jan-08", "08-Jan-99", "Jan-08-99", "19990108", "990108",
        "1999.008", "J2451187", "1999 08 Jan", "08 Jan 1999", "Jan 08 99", "1/8/1999", "01 08 99", "1999-01-08 04:05:06", "Friday January 8, 1999"}) {
      assertThat(read(MDY, text)).as(text).isEqualTo(expected);
    }
    assertThat(read(MDY, "01/02/03")).isEqualTo(LocalDate.of(2003, 1, 2));
    assertThat(read(new PgDateInput(PgDateInput.Order.DMY), "01/02/03")).isEqualTo(LocalDate.of(2003, 2, 1));
    assertThat(read(new PgDateInput(PgDateInput.Order.YMD), "01/02/03")).isEqualTo(LocalDate.of(2001, 2, 3));
    assertThat(read(MDY, "January 8, 99 BC")).isEqualTo(LocalDate.of(-98, 1, 8));
    assertThat(read(MDY, "epoch")).isEqualTo(LocalDate.of(1970, 1, 1));
  }

  @Test
  void refusesWhatPostgresRefusesWithItsSqlState() {
    for (String text : new String[] {"99-01-08", "99 08 01", "18/1/1999", "1999-02-29", "0000-01-01"}) {
      assertThatThrownBy(() -> MDY.read(text)).as(text).isInstanceOf(PlatformException.class).hasMessageContaining("out of range")
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("22008");
    }
    assertThatThrownBy(() -> MDY.read("5874898-01-01")).hasMessage("date out of range: \"5874898-01-01\"");
    for (String text : new String[] {"99 Jan 08", "1999-01", "1999-01-08 1999-01-08", "#1", "Friday 1999-01-08"}) {
      assertThatThrownBy(() -> MDY.read(text)).as(text).isInstanceOf(PlatformException.class)
          .extracting(e -> ((PlatformException) e).sqlState().code()).isEqualTo("22007");
    }
  }

  @Test
  void leavesSpecialValuesAndTimeZonesToDuckDb() {
    for (String text : new String[] {"infinity", "-infinity", "today", "America/New_York 1999-01-08"}) {
      assertThat(MDY.read(text)).as(text).isEmpty();
    }
  }

  @Test
  void literalsBecomeIsoDatesInEverySpelling() {
    assertThat(translate("SELECT date '01/02/03', '1999.008'::date, CAST('J2451187' AS DATE), DATE '2040-04-10 BC'"))
        .isEqualTo("SELECT date '2003-01-02', '1999-01-08'::date, CAST('1999-01-08' AS DATE), DATE '2040-04-10 (BC)'");
    String unchanged = "SELECT date '2020-01-08', 'x'::text, date 'infinity', d::date FROM t";
    assertThat(translate(unchanged)).isEqualTo(unchanged);
  }

  @Test
  void errorsPointAtTheLiteral() {
    assertThatThrownBy(() -> translate("SELECT date '99-01-08'"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.position()).isEqualTo(13));
  }
}
