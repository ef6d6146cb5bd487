package io.analytics.gateway.pgcatalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catalog objects written as SQL in resources beside this class ({@code NAME.sql}), so each reads
 * as SQL rather than as Java string building: a statement ends with a line ending in {@code ;},
 * lines starting with {@code --} are comments, lines are joined with one space, and {@code
 * ${name}} stands for a value the caller gives (every one must be given).
 */
final class CatalogSqlResource {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z_]+)}");
  /** Each resource's statements, read once: every session that needs the catalog creates them. */
  private static final Map<String, List<String>> TEMPLATES = new ConcurrentHashMap<>();

  private CatalogSqlResource() {}

  /** The statements of resource {@code name} (without {@code .sql}), which has no placeholder. */
  static List<String> statements(String name) {
    return statements(name, Map.of());
  }

  /** The statements of resource {@code name}, each {@code ${key}} replaced by its value. */
  static List<String> statements(String name, Map<String, String> values) {
    List<String> statements = new ArrayList<>();
    for (String template : TEMPLATES.computeIfAbsent(name, CatalogSqlResource::read)) {
      statements.add(fill(name, template, values));
    }
    return statements;
  }

  private static String fill(String name, String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder filled = new StringBuilder(template.length());
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        throw new IllegalStateException(name + ".sql uses ${" + matcher.group(1) + "}, which was not given");
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    return matcher.appendTail(filled).toString();
  }

  private static List<String> read(String name) {
    String text;
    try (InputStream in = CatalogSqlResource.class.getResourceAsStream(name + ".sql")) {
      if (in == null) {
        throw new IllegalStateException("no catalog resource " + name + ".sql");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog resource " + name + ".sql", e);
    }
    return List.copyOf(split(text));
  }

  /** The statements of a resource's text, comments left out and lines joined. */
  static List<String> split(String text) {
    List<String> statements = new ArrayList<>();
    StringBuilder statement = new StringBuilder();
    for (String line : text.split("\n", -1)) {
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("--")) {
        continue;
      }
      if (statement.length() > 0) {
        statement.append(' ');
      }
      boolean last = stripped.endsWith(";");
      statement.append(last ? stripped.substring(0, stripped.length() - 1) : stripped);
      if (last) {
        statements.add(statement.toString());
        statement.setLength(0);
      }
    }
    if (statement.length() > 0) {
      throw new IllegalStateException("a catalog resource's last statement has no closing ';': " + statement);
    }
    return statements;
  }
}
