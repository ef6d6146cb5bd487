package io.analytics.gateway.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorPositionsTest {
  @Test
  void aTokenAfterARewriteIsFoundInTheClientsText() {
    String client = "SELECT generate_series(1, 2), nope FROM t";
    String ran = "SELECT CAST(unnest(generate_series(1, 2)) AS INTEGER), nope FROM t";
    assertThat(ErrorPositions.mapped(ran.indexOf("nope") + 1, ran, client)).isEqualTo(client.indexOf("nope") + 1);
  }

  @Test
  void theSameOccurrenceOfARepeatedTokenIsChosen() {
    String client = "SELECT x, generate_series(1, 2), x FROM t";
    String ran = "SELECT x, CAST(unnest(generate_series(1, 2)) AS INTEGER), x FROM t";
    assertThat(ErrorPositions.mapped(ran.lastIndexOf("x ") + 1, ran, client)).isEqualTo(client.lastIndexOf("x ") + 1);
  }

  @Test
  void positionsCountCharactersNotUtf16Units() {
    String client = "SELECT '𝄞', generate_series(1, 2), nope FROM t";
    String ran = "SELECT '𝄞', CAST(unnest(generate_series(1, 2)) AS INTEGER), nope FROM t";
    int ranPosition = ran.codePointCount(0, ran.indexOf("nope")) + 1;
    assertThat(ErrorPositions.mapped(ranPosition, ran, client)).isEqualTo(client.codePointCount(0, client.indexOf("nope")) + 1);
  }

  @Test
  void aTokenTheClientDidNotWriteHasNoPosition() {
    assertThat(ErrorPositions.mapped(8, "SELECT unnest(a) FROM t", "SELECT a FROM t")).isZero();
  }
}
