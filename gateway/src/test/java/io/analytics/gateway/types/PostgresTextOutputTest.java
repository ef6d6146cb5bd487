package io.analytics.gateway.types;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Text output compared with what PostgreSQL 15.18 printed for the same values (queried with psql;
 * the SQL is in each case's comment or name).
 */
class PostgresTextOutputTest {
  @ParameterizedTest(name = "{0}::float8 -> {1}")
  @CsvSource(delimiter = '|', value = {
      "0.1|0.1", "1e300|1e+300", "-1e300|-1e+300", "1e-5|1e-05", "123456789012345678|1.2345678901234568e+17",
      "1e15|1e+15", "1e14|100000000000000", "0.0001|0.0001", "NaN|NaN", "-Infinity|-Infinity", "-0.0|-0",
      "0.3333333333333333|0.3333333333333333"})
  void float8WithDefaultExtraDigitsIsShortest(double value, String postgres) {
    assertThat(FloatText.float8(value, 1)).isEqualTo(postgres);
  }

  @ParameterizedTest(name = "{0}::float4 -> {1}")
  @CsvSource(delimiter = '|', value = {"1.5|1.5", "1e6|1e+06", "100000|100000", "3.14159274|3.1415927", "2.5e-7|2.5e-07"})
  void float4WithDefaultExtraDigitsIsShortest(float value, String postgres) {
    assertThat(FloatText.float4(value, 1)).isEqualTo(postgres);
  }

  @Test
  void floatsWithExtraFloatDigitsZeroUsePrintfPrecision() {
    assertThat(FloatText.float8(0.1, 0)).isEqualTo("0.1");
    assertThat(FloatText.float8(1 / 3.0, 0)).isEqualTo("0.333333333333333");
    assertThat(FloatText.float8(1e300, 0)).isEqualTo("1e+300");
    assertThat(FloatText.float8(123456789012345678.0, 0)).isEqualTo("1.23456789012346e+17");
    assertThat(FloatText.float4(3.14159274f, 0)).isEqualTo("3.14159");
    assertThat(FloatText.float8(1e-5, 0)).isEqualTo("1e-05");
  }

  @ParameterizedTest(name = "{3}")
  @CsvSource(delimiter = '|', value = {
      "0|1|7200000000|1 day 02:00:00",
      "14|-3|14706500000|1 year 2 mons -3 days +04:05:06.5",
      "0|-1|3600000000|-1 days +01:00:00",
      "0|0|0|00:00:00",
      "0|0|-14706000000|-04:05:06",
      "1|0|-1000000|1 mon -00:00:01",
      "0|0|90000000000|25:00:00",
      "-14|0|0|-1 years -2 mons",
      "0|0|1|00:00:00.000001"})
  void intervalsInPostgresStyle(int months, int days, long micros, String postgres) {
    assertThat(IntervalText.format(months, days, micros)).isEqualTo(postgres);
  }

  @Test
  void datesAndTimestampsInIsoStyleWithBcAndOffsets() {
    assertThat(dateTime(text -> text.bc(text.date(epochDay(-43, 3, 15))))).isEqualTo("0044-03-15 BC");
    assertThat(dateTime(text -> text.timestamp(epochDay(0, 1, 1) * DateTimeText.MICROS_PER_DAY)))
        .isEqualTo("0001-01-01 00:00:00 BC");
    assertThat(dateTime(text -> text.time(DateTimeText.MICROS_PER_DAY))).isEqualTo("24:00:00");
    assertThat(dateTime(text -> text.time((13 * 3600 + 14 * 60 + 15) * 1_000_000L + 500_000))).isEqualTo("13:14:15.5");
  }

  @Test
  void oneWriterFormatsValueAfterValueWithItsRememberedDate() {
    DateTimeText text = new DateTimeText();
    ByteBuf out = Unpooled.buffer();
    long day = epochDay(2024, 2, 29);
    for (long micros : new long[] {day * DateTimeText.MICROS_PER_DAY + 1, (day + 1) * DateTimeText.MICROS_PER_DAY - 1,
        (day + 1) * DateTimeText.MICROS_PER_DAY, day * DateTimeText.MICROS_PER_DAY}) {
      text.timestamp(micros);
      text.writeTo(out);
      out.writeByte('|');
    }
    assertThat(out.toString(StandardCharsets.UTF_8))
        .isEqualTo("2024-02-29 00:00:00.000001|2024-02-29 23:59:59.999999|2024-03-01 00:00:00|2024-02-29 00:00:00|");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"0", "7", "10", "99", "100", "12345", "-1", "-100", "9223372036854775807", "-9223372036854775808", "1000000000000000000"})
  void integersAsDigits(long value) {
    AsciiScratch text = new AsciiScratch();
    text.appendLong(value);
    text.append('/');
    text.appendPadded(Math.abs(value % 1000), 5);
    ByteBuf out = Unpooled.buffer();
    text.writeTo(out);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(value + "/" + String.format("%05d", Math.abs(value % 1000)));
  }

  @Test
  void timestamptzInTheSessionTimeZone() {
    long utc = LocalDateTime.of(2024, 1, 2, 3, 4, 5).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    assertThat(timestamptz(utc, "Asia/Kolkata")).isEqualTo("2024-01-02 08:34:05+05:30");
    long summer = LocalDateTime.of(2024, 7, 2, 3, 4, 5, 120_000_000).toEpochSecond(ZoneOffset.UTC) * 1_000_000L + 120_000;
    assertThat(timestamptz(summer, "America/New_York")).isEqualTo("2024-07-01 23:04:05.12-04");
    long old = LocalDateTime.of(1800, 1, 1, 0, 0).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
    assertThat(timestamptz(old, "America/New_York")).isEqualTo("1799-12-31 19:03:58-04:56:02");
    assertThat(timestamptz(utc, "UTC")).isEqualTo("2024-01-02 03:04:05+00");
  }

  @Test
  void numericKeepsItsScale() {
    assertThat(VectorFixtures.decimalText(new BigDecimal("12.3400"), 18)).isEqualTo("12.3400");
    assertThat(VectorFixtures.decimalText(new BigDecimal("-0.5000"), 10)).isEqualTo("-0.5000");
    assertThat(VectorFixtures.decimalText(new BigDecimal("0.00"), 5)).isEqualTo("0.00");
    assertThat(VectorFixtures.decimalText(new BigDecimal("-12345678901234567890.123456"), 38)).isEqualTo("-12345678901234567890.123456");
  }

  @Test
  void arraysQuoteElementsAsArrayOutDoes() {
    // SELECT array['a','b c','','NULL','x"y','back\\slash','{}',null]
    assertThat(VectorFixtures.textArray("a", "b c", "", "NULL", "x\"y", "back\\\\slash", "{}", null))
        .isEqualTo("{a,\"b c\",\"\",\"NULL\",\"x\\\"y\",\"back\\\\\\\\slash\",\"{}\",NULL}");
    assertThat(VectorFixtures.nestedIntArray(new int[][] {{1, 2}, {3, 4}})).isEqualTo("{{1,2},{3,4}}");
  }

  private static long epochDay(int year, int month, int day) {
    return java.time.LocalDate.of(year, month, day).toEpochDay();
  }

  private static String timestamptz(long utcMicros, String zone) {
    int offset = ZoneId.of(zone).getRules().getOffset(java.time.Instant.ofEpochSecond(Math.floorDiv(utcMicros, 1_000_000L))).getTotalSeconds();
    return dateTime(text -> text.timestampWithOffset(utcMicros + offset * 1_000_000L, offset));
  }

  private static String dateTime(Consumer<DateTimeText> format) {
    DateTimeText text = new DateTimeText();
    format.accept(text);
    return render(text::writeTo);
  }

  static String render(Consumer<ByteBuf> writer) {
    ByteBuf out = Unpooled.buffer();
    writer.accept(out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
