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
 * The {@code -v name=value} variables of a script run, interpolated as psql does: {@code :name} is
 * replaced by the value as it is, {@code :'name'} by the value as a quoted SQL literal and
 * {@code :"name"} by the value as a quoted identifier. Nothing is replaced inside string literals,
 * quoted identifiers, comments or dollar-quoted bodies, and {@code ::} casts are left alone. Unlike
 * psql, which leaves the text of an unset variable in place, a variable the script uses but nobody
 * set is an error naming it.
 */
public record ScriptVariables(Map<String, String> values, boolean interpolates) {
  private static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);

  public ScriptVariables {
    values = Map.copyOf(requireNonNull(values, "values is null"));
  }

  /** Variables a script is interpolated with (a script run by {@code analytics run}). */
  public ScriptVariables(Map<String, String> values) {
    this(values, true);
  }

  /** No interpolation at all: SQL run as written (a query, a migration, a views folder). */
  public static ScriptVariables none() {
    return new ScriptVariables(Map.of(), false);
  }

  /** Parses {@code name=value} arguments as given to {@code -v}. */
  public static ScriptVariables parse(Iterable<String> assignments) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String assignment : assignments) {
      Matcher matcher = ASSIGNMENT.matcher(assignment);
      if (!matcher.matches()) {
        throw new PlatformException(
            SqlState.INVALID_PARAMETER_VALUE,
            "variable \"" + assignment + "\" must look like NAME=VALUE (NAME: letters, digits and _)");
      }
      values.put(matcher.group(1), matcher.group(2));
    }
    return new ScriptVariables(values);
  }

  /** {@code text} with every {@code :name}, {@code :'name'} and {@code :"name"} interpolated. */
  public String substitute(String text) {
    if (!interpolates) {
      return text;
    }
    Set<String> missing = new LinkedHashSet<>();
    String result = new VariableInterpolation(text, name -> {
      String value = values.get(name);
      if (value == null) {
        missing.add(name);
      }
      return value;
    }).interpolate();
    if (!missing.isEmpty()) {
      String names = String.join(", ", missing);
      throw new PlatformException(
          SqlState.UNDEFINED_OBJECT,
          "script variable" + (missing.size() > 1 ? "s " : " ") + names + " not set: pass -v "
              + missing.iterator().next() + "=VALUE");
    }
    return result;
  }
}
