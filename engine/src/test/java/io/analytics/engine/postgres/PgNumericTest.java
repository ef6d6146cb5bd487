package io.analytics.engine.postgres;

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
