package io.analytics.engine.script;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code -v name=value} variables of a script run, substituted for {@code ${name}}
 * everywhere in the script. A variable the script uses but nobody set is an error naming it,
 * never an empty string.
 */
public record ScriptVariables(Map<String, String> values) {
  private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_.]*)}");
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)=(.*)", Pattern.DOTALL);

  public ScriptVariables {
    values = Map.copyOf(requireNonNull(values, "values is null"));
  }

  public static ScriptVariables none() {
    return new ScriptVariables(Map.of());
  }

  /** Parses {@code name=value} arguments as given to {@code -v}. */
  public static ScriptVariables parse(Iterable<String> assignments) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String assignment : assignments) {
      Matcher matcher = ASSIGNMENT.matcher(assignment);
      if (!matcher.matches()) {
        throw new PlatformException(
            SqlState.INVALID_PARAMETER_VALUE,
            "variable \"" + assignment + "\" must look like NAME=VALUE (NAME: letters, digits, _ and .)");
      }
      values.put(matcher.group(1), matcher.group(2));
    }
    return new ScriptVariables(values);
  }

  /** {@code text} with every {@code ${name}} replaced by its value. */
  public String substitute(String text) {
    Set<String> missing = new LinkedHashSet<>();
    Matcher matcher = REFERENCE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value = values.get(name);
      if (value == null) {
        missing.add(name);
        value = "";
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    if (!missing.isEmpty()) {
      String names = String.join(", ", missing);
      throw new PlatformException(
          SqlState.UNDEFINED_OBJECT,
          "script variable" + (missing.size() > 1 ? "s " : " ") + names + " not set: pass -v "
              + missing.iterator().next() + "=VALUE");
    }
    return out.toString();
  }
}
