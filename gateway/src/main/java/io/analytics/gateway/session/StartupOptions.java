package io.analytics.gateway.session;

import java.util.LinkedHashMap;
import java.util.Map;

/** Parses the startup packet's {@code options} value: {@code -c name=value} and {@code --name=value}. */
final class StartupOptions {
  private StartupOptions() {}

  static Map<String, String> parse(String options) {
    Map<String, String> settings = new LinkedHashMap<>();
    String[] words = splitOnUnescapedSpaces(options);
    for (int i = 0; i < words.length; i++) {
      String word = words[i];
      String setting = null;
      if (word.equals("-c") && i + 1 < words.length) {
        setting = words[++i];
      } else if (word.startsWith("-c")) {
        setting = word.substring(2);
      } else if (word.startsWith("--")) {
        setting = word.substring(2);
      }
      if (setting != null) {
        int equals = setting.indexOf('=');
        if (equals > 0) {
          settings.put(setting.substring(0, equals).replace('-', '_'), setting.substring(equals + 1));
        }
      }
    }
    return settings;
  }

  /** Words separated by spaces, where a backslash escapes the next character (as libpq sends). */
  private static String[] splitOnUnescapedSpaces(String options) {
    java.util.List<String> words = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < options.length(); i++) {
      char c = options.charAt(i);
      if (c == '\\' && i + 1 < options.length()) {
        current.append(options.charAt(++i));
      } else if (Character.isWhitespace(c)) {
        if (current.length() > 0) {
          words.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      words.add(current.toString());
    }
    return words.toArray(new String[0]);
  }
}
