package io.analytics.gateway.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads the differential suite's cases from every {@code differential/*.txt} on the test classpath
 * (the header of {@code cases.txt} describes the format): hand-written cases, the semantics cases,
 * what clients send, and the statements taken from PostgreSQL's regression tests, in areas.
 */
final class DifferentialCases {
  private static final String FOLDER = "/differential";

  private DifferentialCases() {}

  static List<DifferentialArea> all() {
    URL folder = DifferentialCases.class.getResource(FOLDER);
    if (folder == null) {
      throw new IllegalStateException(FOLDER + " is not on the test classpath");
    }
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      List<DifferentialArea> areas = new ArrayList<>();
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
        String defaultArea = file.getFileName().toString().replaceFirst("\\.txt$", "");
        areas.addAll(parse(defaultArea, Files.readAllLines(file, StandardCharsets.UTF_8)));
      }
      return areas;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The areas of one file: {@code area:} starts one, else all its cases are in {@code defaultArea}. */
  static List<DifferentialArea> parse(String defaultArea, List<String> lines) {
    List<DifferentialArea> areas = new ArrayList<>();
    String area = defaultArea;
    List<String> areaSetup = new ArrayList<>();
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
      switch (key) {
        case "area" -> {
          if (current != null) {
            cases.add(current.build());
            current = null;
          }
          if (!cases.isEmpty()) {
            areas.add(new DifferentialArea(area, areaSetup, cases));
          }
          area = value;
          areaSetup = new ArrayList<>();
          cases = new ArrayList<>();
        }
        case "area-setup" -> {
          if (current != null || !cases.isEmpty()) {
            throw new IllegalArgumentException("area-setup after the area's first case: " + line);
          }
          areaSetup.add(value);
        }
        case "case" -> {
          if (current != null) {
            cases.add(current.build());
          }
          current = new Builder(value);
        }
        default -> {
          if (current == null) {
            throw new IllegalArgumentException("'" + key + "' before the first case");
          }
          current.add(key, value);
        }
      }
    }
    if (current != null) {
      cases.add(current.build());
    }
    if (!cases.isEmpty()) {
      areas.add(new DifferentialArea(area, areaSetup, cases));
    }
    return areas;
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
