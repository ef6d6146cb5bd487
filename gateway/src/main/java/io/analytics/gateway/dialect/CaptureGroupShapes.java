package io.analytics.gateway.dialect;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Whether each capture group of a regular expression takes part in every match, read from the pattern's text.
 * PostgreSQL's regexp_matches answers NULL for a group that took no part ({@code (.+)?} skipped, the other side
 * of an alternation); DuckDB's regexp_extract answers '' for it, the same as for a group that matched nothing.
 */
final class CaptureGroupShapes {
  /** What an empty string from regexp_extract means for a group. */
  enum Shape {
    /** The group takes part in every match: '' is its match. */
    ALWAYS,
    /** The group may take no part but cannot match '': '' means it took none (NULL). */
    OPTIONAL_NON_EMPTY,
    /** The group may take no part and may match '': the two cannot be told apart. */
    AMBIGUOUS
  }

  private static final class Frame {
    final int group; // 1-based capture group number, 0 for the whole pattern or a non-capturing group
    final int contentStart;
    final Frame parent;
    boolean alternation;
    boolean optional;
    String content = "";

    Frame(int group, int contentStart, Frame parent) {
      this.group = group;
      this.contentStart = contentStart;
      this.parent = parent;
    }
  }

  private CaptureGroupShapes() {}

  /** The shape of each capture group, in the order of their opening parentheses. */
  static List<Shape> of(String pattern) {
    List<Frame> groups = new ArrayList<>();
    Deque<Frame> open = new ArrayDeque<>();
    Frame whole = new Frame(0, 0, null);
    open.push(whole);
    boolean inBracket = false;
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\') {
        i++;
      } else if (inBracket) {
        inBracket = c != ']';
      } else if (c == '[') {
        inBracket = true;
        if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(') {
        boolean capturing = i + 1 >= pattern.length() || pattern.charAt(i + 1) != '?';
        Frame frame = new Frame(capturing ? groups.size() + 1 : 0, i + 1, open.peek());
        if (capturing) {
          groups.add(frame);
        }
        open.push(frame);
      } else if (c == '|') {
        open.peek().alternation = true;
      } else if (c == ')' && open.size() > 1) {
        Frame frame = open.pop();
        frame.content = pattern.substring(frame.contentStart, i);
        frame.optional = allowsZero(pattern, i + 1);
      }
    }
    List<Shape> shapes = new ArrayList<>();
    for (Frame group : groups) {
      shapes.add(shape(group));
    }
    return shapes;
  }

  private static Shape shape(Frame group) {
    boolean always = !group.optional;
    for (Frame outer = group.parent; outer != null && always; outer = outer.parent) {
      always = !outer.alternation && !outer.optional;
    }
    if (always) {
      return Shape.ALWAYS;
    }
    return mayMatchEmpty(group.content) ? Shape.AMBIGUOUS : Shape.OPTIONAL_NON_EMPTY;
  }

  /** Whether the quantifier at {@code at} (if any) allows zero repetitions: ?, *, {0,...} or {,n}. */
  private static boolean allowsZero(String pattern, int at) {
    if (at >= pattern.length()) {
      return false;
    }
    char q = pattern.charAt(at);
    return q == '?' || q == '*' || q == '{' && at + 1 < pattern.length() && (pattern.charAt(at + 1) == '0' || pattern.charAt(at + 1) == ',');
  }

  /**
   * Whether a group's content might match the empty string: conservatively yes when it has a quantifier that allows
   * zero (?, *, {0 or {,), an alternation, a nested group, an anchor or a zero-width escape, or is empty. A lazy
   * marker (+?) and a bracket expression's characters are not quantifiers.
   */
  private static boolean mayMatchEmpty(String content) {
    if (content.isEmpty()) {
      return true;
    }
    boolean inBracket = false;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\\') {
        if (!inBracket && i + 1 < content.length() && "bBAZzymM<>".indexOf(content.charAt(i + 1)) >= 0) {
          return true;
        }
        i++;
      } else if (inBracket) {
        inBracket = c != ']';
      } else if (c == '[') {
        inBracket = true;
        if (i + 1 < content.length() && (content.charAt(i + 1) == ']' || content.charAt(i + 1) == '^')) {
          i += content.startsWith("^]", i + 1) ? 2 : 1;
        }
      } else if (c == '?' && i > 0 && content.charAt(i - 1) == '+') {
        continue; // lazy one-or-more
      } else if (c == '{' && i + 1 < content.length() && content.charAt(i + 1) >= '1' && content.charAt(i + 1) <= '9') {
        continue; // at least one repetition
      } else if ("*?{|()^$".indexOf(c) >= 0) {
        return true;
      }
    }
    return false;
  }
}
