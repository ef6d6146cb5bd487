package io.analytics.engine.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The TEMP macros a session defined through {@link EngineSession#execute}, the last definition of each
 * name kept: the gateway's own statements (its PostgreSQL functions, catalog helpers), never a client's
 * text, so their form is known.
 */
final class TemporaryMacros {
  private static final Pattern DEFINITION =
      Pattern.compile("\\s*CREATE\\s+(?:OR\\s+REPLACE\\s+)?TEMP(?:ORARY)?\\s+MACRO\\s+([A-Za-z_][A-Za-z0-9_]*)", Pattern.CASE_INSENSITIVE);

  private final Map<String, String> byName = new LinkedHashMap<>();

  /** Notes {@code sql} if it defined a TEMP macro. */
  void ran(String sql) {
    Matcher definition = DEFINITION.matcher(sql);
    if (definition.lookingAt()) {
      String name = definition.group(1).toLowerCase(Locale.ROOT);
      byName.remove(name);
      byName.put(name, sql);
    }
  }

  List<String> definitions() {
    return new ArrayList<>(byName.values());
  }
}
