package io.analytics.engine.pgtypes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PgNumericTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0", "1, 0", "-1, 0", "12345.6789, 4", "-12345678901234.5678, 4", "0.0001, 4", "0.5, 1",
    "99999999999999.99, 2", "100000000, 0", "1.23, 10", "-0.000000001, 9", "123456789012345678, 0"
  })
  void valuesSurviveEncodingAndDecoding(String text, int scale) throws IOException {
    BigDecimal value = new BigDecimal(text).setScale(scale);

    assertThat(roundTrip(value, false)).isEqualTo(value);
    assertThat(roundTrip(value, true)).isEqualTo(value);
  }

  @ParameterizedTest
  @CsvSource({"12345678901234567890123456789012345678, 0", "-1234567890123456789012345678.1234567891, 10"})
  void valuesBeyondALongUseTheGeneralPath(String text, int scale) throws IOException {
    BigDecimal value = new BigDecimal(text).setScale(scale);

    assertThat(roundTrip(value, true)).isEqualTo(value);
  }

  @org.junit.jupiter.api.Test
  void decodesAtTheDisplayScaleWhenAskedForNone() {
    // numeric_send(-12.50): ndigits 2, weight 0, negative, dscale 2, digits 12 and 5000
    java.nio.ByteBuffer sent = java.nio.ByteBuffer.wrap(java.util.HexFormat.of().parseHex("000200004000000200" + "0c1388"));
    assertThat(PgNumeric.read(sent::getShort, -1)).isEqualTo(new BigDecimal("-12.50"));
  }

  @org.junit.jupiter.api.Test
  void nanIsNamedAndABadDigitIs22P03() {
    java.nio.ByteBuffer nan = java.nio.ByteBuffer.wrap(java.util.HexFormat.of().parseHex("00000000c0000000"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PgNumeric.read(nan::getShort, -1))
        .isInstanceOf(ArithmeticException.class).hasMessage("NaN");
    java.nio.ByteBuffer badDigit = java.nio.ByteBuffer.wrap(java.util.HexFormat.of().parseHex("0001000000000000" + "2710"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> PgNumeric.read(badDigit::getShort, -1))
        .isInstanceOfSatisfying(io.analytics.catalog.error.PlatformException.class,
            e -> assertThat(e.sqlState().code()).isEqualTo("22P03"));
  }

  private static BigDecimal roundTrip(BigDecimal value, boolean big) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PgOutput out = new PgOutput(bytes);
    if (big) {
      PgNumeric.write(out, value.unscaledValue(), value.scale());
    } else {
      PgNumeric.write(out, value.unscaledValue().longValueExact(), value.scale());
    }
    out.flush();
    PgInput in = new PgInput(new ByteArrayInputStream(bytes.toByteArray()));
    int length = in.readInt();
    assertThat(length).isEqualTo(bytes.size() - 4);
    return PgNumeric.read(in, value.scale());
  }
}
