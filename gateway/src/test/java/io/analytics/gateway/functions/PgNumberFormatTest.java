package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** to_char with numeric formats answers as PostgreSQL 15 (its answers recorded in to_char_numeric_postgres15.txt). */
class PgNumberFormatTest {
  @Test
  void numericValuesFormatAsPostgres() throws IOException {
    List<String> wrong = new ArrayList<>();
    int checked = 0;
    try (InputStream in = PgNumberFormatTest.class.getResourceAsStream("/functions/to_char_numeric_postgres15.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] parts = line.split("\\|", 3);
        String expected = parts[2].substring(1, parts[2].length() - 1);
        String type = parts[0].contains(".") ? "DECIMAL(10,3)" : "INTEGER";
        String actual = PgNumberFormat.format(parts[0], type, parts[1]);
        checked++;
        if (!actual.equals(expected)) {
          wrong.add(parts[0] + " '" + parts[1] + "': [" + actual + "] expected [" + expected + "]");
        }
      }
    }
    assertThat(checked).isGreaterThan(100);
    assertThat(wrong).isEmpty();
  }

  @Test
  void patternsWithoutATranslationAreRefused() {
    assertThatThrownBy(() -> PgNumberFormat.format("12", "INTEGER", "9.99EEEE")).hasMessageStartingWith("[0A000]");
    assertThatThrownBy(() -> PgNumberFormat.format("12", "INTEGER", "RN")).hasMessageStartingWith("[0A000]");
    assertThatThrownBy(() -> PgNumberFormat.format("12", "INTEGER", "999PR")).hasMessageStartingWith("[0A000]");
  }
}
