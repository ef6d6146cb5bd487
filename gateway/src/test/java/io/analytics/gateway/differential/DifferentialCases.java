package io.analytics.gateway.differential;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the differential suite's cases from {@code differential/cases.txt} (its header describes the
 * format): plain queries, types and their text output, functions, catalog introspection, session
 * settings, errors and parameterised queries, with the documented differences.
 */
final class DifferentialCases {
  private static final String RESOURCE = "/differential/cases.txt";

  private DifferentialCases() {}

  static List<DifferentialCase> all() {
    try (InputStream in = DifferentialCases.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the test classpath");
      }
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<DifferentialCase> parse(List<String> lines) {
    List<DifferentialCase> cases = new ArrayList<>();
    Builder current = null;
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      if (colon < 0) {
        throw new IllegalArgumentException("not a 'key: value' line: " + line);
      }
      String key = line.substring(0, colon);
      String value = line.substring(colon + 2);
      if (key.equals("case")) {
        if (current != null) {
          cases.add(current.build());
        }
        current = new Builder(value);
      } else if (current == null) {
        throw new IllegalArgumentException("'" + key + "' before the first case");
      } else {
        current.add(key, value);
      }
    }
    if (current != null) {
      cases.add(current.build());
    }
    return cases;
  }

  /** One case's lines as they are read. */
  private static final class Builder {
    private final String name;
    private final List<String> setup = new ArrayList<>();
    private final List<Object> parameters = new ArrayList<>();
    private String sql;
    private String reason;
    private String gatewayAnswer;

    Builder(String name) {
      this.name = name;
    }

    void add(String key, String value) {
      switch (key) {
        case "setup" -> setup.add(value);
        case "sql" -> sql = value;
        case "param" -> parameters.add(parameter(value));
        case "differs" -> reason = value;
        case "gateway" -> gatewayAnswer = value;
        default -> throw new IllegalArgumentException("case " + name + ": unknown key " + key);
      }
    }

    DifferentialCase build() {
      if (sql == null || (reason == null) != (gatewayAnswer == null)) {
        throw new IllegalArgumentException("case " + name + " needs sql, and differs with gateway or neither");
      }
      DifferentialCase testCase = new DifferentialCase(name, setup, sql, parameters, null);
      return reason == null ? testCase : testCase.differs(reason, gatewayAnswer);
    }

    private Object parameter(String value) {
      if (value.equals("null")) {
        return null;
      }
      int space = value.indexOf(' ');
      String type = space < 0 ? value : value.substring(0, space);
      String text = space < 0 ? "" : value.substring(space + 1);
      return switch (type) {
        case "int" -> Integer.valueOf(text);
        case "text" -> text;
        case "date" -> LocalDate.parse(text);
        case "numeric" -> new BigDecimal(text);
        default -> throw new IllegalArgumentException("case " + name + ": unknown parameter type " + type);
      };
    }
  }
}
