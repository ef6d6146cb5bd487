package io.analytics.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IntegerOverflowTest {
  @Test
  void arithmeticAndCastOverflowsAreSaidAsPostgresSaysThem() {
    assertThat(IntegerOverflow.inPostgresWords("Overflow in addition of INT32 (2147483647 + 1)")).isEqualTo("integer out of range");
    assertThat(IntegerOverflow.inPostgresWords("Overflow in multiplication of INT64 (9223372036854775807 * 2)"))
        .isEqualTo("bigint out of range");
    assertThat(IntegerOverflow.inPostgresWords(
        "Type INT32 with value 32768 can't be cast because the value is out of range for the destination type INT16"))
        .isEqualTo("smallint out of range");
  }

  @Test
  void otherOutOfRangeMessagesStay() {
    assertThat(IntegerOverflow.inPostgresWords("Overflow in addition of DECIMAL(18,3)")).isEqualTo("Overflow in addition of DECIMAL(18,3)");
    assertThat(IntegerOverflow.inPostgresWords("\"1e400\" is out of range for type double precision"))
        .isEqualTo("\"1e400\" is out of range for type double precision");
  }
}
