package io.analytics.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values from clients cannot start a forged line in the server log. */
class EscapedMessageConverterTest {
  @Test
  void controlCharactersAreEscapedAndPlainTextIsKept() {
    assertThat(EscapedMessageConverter.escape("failed login for user alice\n2026-12-03 INFO forged"))
        .isEqualTo("failed login for user alice\\n2026-12-03 INFO forged")
        .doesNotContain("\n");
    assertThat(EscapedMessageConverter.escape("a\rb\tc\u0000d\u001be\u0085f\u2028g"))
        .isEqualTo("a\\rb\\tc\\u0000d\\u001be\\u0085f\\u2028g");
    assertThat(EscapedMessageConverter.escape("refused: DROP TABLE \"gold\".\"daily_pnl\" é"))
        .isEqualTo("refused: DROP TABLE \"gold\".\"daily_pnl\" é");
  }
}
