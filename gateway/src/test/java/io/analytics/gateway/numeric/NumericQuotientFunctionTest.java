package io.analytics.gateway.numeric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The division function's operands and quotients: PostgreSQL's value with 20 decimals, or a refusal with its SQLSTATE. */
class NumericQuotientFunctionTest {
  private static BigDecimal quotient(String dividend, boolean dividendPerValue, String divisor, boolean divisorPerValue) {
    return NumericQuotientFunction.quotient(NumericQuotientFunction.operand(dividend, dividendPerValue),
        NumericQuotientFunction.operand(divisor, divisorPerValue));
  }

  @Test
  void anOperandShowsItsTypesScaleUnlessItsScaleIsKeptPerValue() {
    assertThat(NumericQuotientFunction.operand("1.5000", false).scale()).isEqualTo(4);
    assertThat(NumericQuotientFunction.operand("1.5000000000", true).scale()).isEqualTo(1);
    assertThat(NumericQuotientFunction.operand("1500.0000000000", true).scale()).isZero();
    assertThat(NumericQuotientFunction.operand("0.0000000000", true).scale()).isZero();
    assertThat(NumericQuotientFunction.operand("-42", true).scale()).isZero();
  }

  @Test
  void theQuotientIsPostgresValueWithTwentyDecimals() {
    // Each value is PostgreSQL 15's, shown with 20 decimals.
    assertThat(quotient("7.0", false, "2", false).toPlainString()).isEqualTo("3.50000000000000000000");
    assertThat(quotient("-2", false, "3", false).toPlainString()).isEqualTo("-0.66666666666666666667");
    // A large quotient has 16 significant digits, or more decimals when an operand shows more.
    assertThat(quotient("1234567890123.4568", false, "7", false).toPlainString()).isEqualTo("176366841446.20811429000000000000");
    assertThat(quotient("1234567890123.4568000000", true, "7", false).toPlainString()).isEqualTo("176366841446.20811429000000000000");
    assertThat(quotient("1234567890123.4568000000", false, "7", false).toPlainString()).isEqualTo("176366841446.20811428570000000000");
    assertThat(quotient("0.00", false, "-5", false).toPlainString()).isEqualTo("0.00000000000000000000");
  }

  @Test
  void zeroDivisorsAndQuotientsBeyondTheColumnAreRefused() {
    assertThatThrownBy(() -> quotient("1.5", false, "0.00", false)).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.sqlState()).isEqualTo(SqlState.DIVISION_BY_ZERO));
    // PostgreSQL: 0.000033333333333333333333, 24 decimals.
    assertThatThrownBy(() -> quotient("1.00", false, "30000", false)).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
    // 10^18 needs 19 integer digits.
    assertThatThrownBy(() -> quotient("1000000000000000000", false, "1", false)).isInstanceOfSatisfying(PlatformException.class,
        e -> assertThat(e.sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
    assertThat(quotient("999999999999999999.9", false, "1", false).toPlainString()).isEqualTo("999999999999999999.90000000000000000000");
  }
}
