package io.analytics.gateway.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Each expected text is what PostgreSQL 15 printed for the same call (its regression tests' numeric cases). */
class PgNumericMathTest {
  private static BigDecimal n(String text) {
    return new BigDecimal(text);
  }

  @Test
  void divisionHasAtLeastSixteenSignificantDigitsAndTheInputsScale() {
    assertThat(PgNumericMath.divide(n("70.0"), n("70")).toPlainString()).isEqualTo("1.00000000000000000000");
    assertThat(PgNumericMath.divide(n("1"), n("3")).toPlainString()).isEqualTo("0.33333333333333333333");
    assertThat(PgNumericMath.divide(n("7.0"), n("2")).toPlainString()).isEqualTo("3.5000000000000000");
    assertThat(PgNumericMath.divide(n("199980000"), n("40000")).toPlainString()).isEqualTo("4999.5000000000000000");
    assertThat(PgNumericMath.divide(n("2"), n("3")).toPlainString()).isEqualTo("0.66666666666666666667");
    assertThatThrownBy(() -> PgNumericMath.divide(n("1.0"), n("0"))).isInstanceOf(PlatformException.class)
        .hasMessage("division by zero");
  }

  @Test
  void squareRootsAsPostgresShowsThem() {
    assertThat(PgNumericMath.sqrt(n("1.000000000000003")).toPlainString()).isEqualTo("1.000000000000001");
    assertThat(PgNumericMath.sqrt(n("96627521408608.56340355805")).toPlainString()).isEqualTo("9829929.87811248648");
    assertThat(PgNumericMath.sqrt(n("96627521408608.56340355806")).toPlainString()).isEqualTo("9829929.87811248649");
    assertThat(PgNumericMath.sqrt(n("515549506212297735.073688290368")).toPlainString()).isEqualTo("718017761.766585921185");
    assertThat(PgNumericMath.sqrt(n("8015491789940783531003294973900307")).toPlainString()).isEqualTo("89529278953540018");
    assertThatThrownBy(() -> PgNumericMath.sqrt(n("-1"))).hasMessage("cannot take square root of a negative number");
  }

  @Test
  void exponentialsAndLogarithms() {
    assertThat(PgNumericMath.exp(n("1.0")).toPlainString()).isEqualTo("2.7182818284590452");
    assertThat(PgNumericMath.exp(n("-32.999")).toPlainString()).isEqualTo("0.000000000000004663547361468248");
    assertThat(PgNumericMath.exp(n("-123.456")).toPlainString())
        .isEqualTo("0.000000000000000000000000000000000000000000000000000002419582541264601");
    assertThat(PgNumericMath.ln(n("0.0456789")).toPlainString()).isEqualTo("-3.0861187944847439");
    assertThat(PgNumericMath.ln(n("0.99949452")).toPlainString()).isEqualTo("-0.00050560779808326467");
    assertThat(PgNumericMath.ln(n("1.00049687395")).toPlainString()).isEqualTo("0.00049675054901370394");
    assertThat(PgNumericMath.log(BigDecimal.TEN, n("3.4634998359873254962349856073435545")).toPlainString())
        .isEqualTo("0.5395151714070134409152404011959981");
    assertThat(PgNumericMath.log(BigDecimal.TEN, n("10.00000000000000000")).toPlainString()).isEqualTo("1.00000000000000000");
    assertThat(PgNumericMath.log(n("0.99923"), n("4.58934e34")).toPlainString()).isEqualTo("-103611.55579544132");
    assertThat(PgNumericMath.log(n("3.1954752e47"), n("9.4792021e-73")).toPlainString())
        .isEqualTo("-1.51613372350688302142917386143459361608600157692779164475351842333265418126982165");
    assertThatThrownBy(() -> PgNumericMath.ln(n("0"))).hasMessage("cannot take logarithm of zero");
    assertThatThrownBy(() -> PgNumericMath.ln(n("-1"))).hasMessage("cannot take logarithm of a negative number");
  }

  @Test
  void powers() {
    assertThat(PgNumericMath.power(n("-2"), n("3")).toPlainString()).isEqualTo("-8.0000000000000000");
    assertThat(PgNumericMath.power(n("3.789"), n("21.0000000000000000")).toPlainString()).isEqualTo("1409343026052.8716016316022141");
    assertThat(PgNumericMath.power(n("1.2"), n("345")).toPlainString()).isEqualTo("2077446682327378559843444695.5827049735727869");
    assertThat(PgNumericMath.power(n("0.12"), n("-20")).toPlainString()).isEqualTo("2608405330458882702.5529619561355838");
    assertThat(PgNumericMath.power(n("0.12"), n("-25")).toPlainString()).isEqualTo("104825960103961013959336.4983657883169110");
    assertThat(PgNumericMath.power(n("10.0"), n("-2147483648")).toPlainString()).isEqualTo("0.0000000000000000");
    assertThat(PgNumericMath.power(n("-1.0"), n("2147483646")).toPlainString()).isEqualTo("1.0000000000000000");
    assertThat(PgNumericMath.power(n("-1.0"), n("1000000000000001")).toPlainString()).isEqualTo("-1.0000000000000000");
    assertThat(PgNumericMath.power(n("-12.34"), n("0.0")).toPlainString()).isEqualTo("1.0000000000000000");
    assertThat(PgNumericMath.power(n("0.0"), n("12.34")).toPlainString()).isEqualTo("0.0000000000000000");
    assertThat(PgNumericMath.power(n("32.1"), n("9.8")).toPlainString()).isEqualTo("580429286790711.10");
    assertThat(PgNumericMath.power(n("12.3"), n("45.6")).toPlainString()).isEqualTo("50081010321492803393171165777624533697036806969694.9");
    assertThat(PgNumericMath.power(n("10.0"), n("-16")).toPlainString()).isEqualTo("0.0000000000000001");
    assertThat(PgNumericMath.power(n("10.0"), n("-17")).toPlainString()).isEqualTo("0.0000000000000000");
    assertThatThrownBy(() -> PgNumericMath.power(n("10.0"), n("2147483647"))).hasMessage("value overflows numeric format");
    assertThatThrownBy(() -> PgNumericMath.power(n("-12.34"), n("1.2")))
        .hasMessage("a negative number raised to a non-integer power yields a complex result");
    assertThatThrownBy(() -> PgNumericMath.power(n("0"), n("-1"))).hasMessage("zero raised to a negative power is undefined");
  }
}
