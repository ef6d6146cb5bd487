package io.analytics.gateway.dialect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Replacements of character ranges of one SQL text, applied together (ranges must not overlap). */
final class TextEdits {
  private record Edit(int start, int end, String replacement) {}

  private final List<Edit> edits = new ArrayList<>();

  void replace(int start, int end, String replacement) {
    edits.add(new Edit(start, end, replacement));
  }

  boolean isEmpty() {
    return edits.isEmpty();
  }

  String applyTo(String sql) {
    List<Edit> ordered = new ArrayList<>(edits);
    ordered.sort(Comparator.comparingInt(Edit::start).reversed());
    StringBuilder text = new StringBuilder(sql);
    for (Edit edit : ordered) {
      text.replace(edit.start(), edit.end(), edit.replacement());
    }
    return text.toString();
  }
}
