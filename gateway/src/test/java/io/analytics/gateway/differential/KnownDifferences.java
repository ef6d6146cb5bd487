package io.analytics.gateway.differential;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reviewed list of the cases where the gateway does not answer as PostgreSQL does, one line per
 * case and protocol: the verdict, the gateway's exact answer, PostgreSQL's answer and why (the
 * gateway's error message or what differs). A listed case passes while the gateway gives exactly
 * the listed answer; any other answer than PostgreSQL's fails the suite. Two lists: differences
 * (refusals, other types or names) and silent wrong values, which the coordinator reviews. Answers
 * are kept {@link #dateStable date-stable}: regression tables hold 'today', 'yesterday' and 'tomorrow'.
 */
final class KnownDifferences {
  static final String HEADER = "# area\tcase\tprotocol\tverdict\tgateway answer\tPostgreSQL answer\treason\tsql";

  private final Map<String, Entry> entries;

  private KnownDifferences(Map<String, Entry> entries) {
    this.entries = requireNonNull(entries, "entries is null");
  }

  /** One listed difference; answers are {@link Answer#rendered(boolean)} lines. */
  record Entry(String area, String caseName, Protocol protocol, Verdict verdict, String gatewayAnswer, String postgresAnswer,
      String reason, String sql) {
    Entry {
      gatewayAnswer = dateStable(gatewayAnswer);
      postgresAnswer = dateStable(postgresAnswer);
      requireNonNull(area, "area is null");
      requireNonNull(caseName, "caseName is null");
      requireNonNull(protocol, "protocol is null");
      requireNonNull(verdict, "verdict is null");
      requireNonNull(gatewayAnswer, "gatewayAnswer is null");
    }

    String key() {
      return KnownDifferences.key(area, caseName, protocol);
    }

    String line() {
      return String.join("\t", area, caseName, protocol.label(), verdict.name(), escape(gatewayAnswer), escape(postgresAnswer),
          escape(reason), escape(sql));
    }
  }

  static String key(String area, String caseName, Protocol protocol) {
    return area + "\t" + caseName + "\t" + protocol.label();
  }

  static KnownDifferences load(String resource) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    try (InputStream in = KnownDifferences.class.getResourceAsStream(resource)) {
      if (in != null) {
        for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          String[] fields = line.split("\t", -1);
          if (fields.length != 8) {
            throw new IllegalArgumentException(resource + ": not 8 tab-separated fields: " + line);
          }
          Protocol protocol = Protocol.valueOf(fields[2].toUpperCase(java.util.Locale.ROOT));
          Entry entry = new Entry(fields[0], fields[1], protocol, Verdict.valueOf(fields[3]), unescape(fields[4]),
              unescape(fields[5]), unescape(fields[6]), unescape(fields[7]));
          entries.put(entry.key(), entry);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new KnownDifferences(entries);
  }

  /**
   * The listed cases that no longer differ: run now and answering as PostgreSQL does, or (when the
   * whole suite ran) no longer there. A stale entry would let a later regression to the listed
   * answer pass unnoticed, so the lists must be re-recorded when a difference is fixed.
   */
  List<String> staleEntries(List<CaseResult> results, boolean wholeSuiteRan) {
    Map<String, CaseResult> byKey = new java.util.HashMap<>();
    results.forEach(result -> byKey.put(key(result.area(), result.testCase().name(), result.protocol()), result));
    List<String> stale = new ArrayList<>();
    for (Entry entry : entries.values()) {
      CaseResult result = byKey.get(entry.key());
      if (result == null ? wholeSuiteRan : result.verdict().passes()) {
        stale.add(entry.key().replace('\t', ' ') + (result == null ? " (no such case)" : " (now answers as PostgreSQL)"));
      }
    }
    return stale;
  }

  /** Whether the case is listed, whatever its answer. */
  boolean names(String area, String caseName, Protocol protocol) {
    return entries.containsKey(key(area, caseName, protocol));
  }

  /** Whether the case is listed with exactly this gateway answer. */
  boolean lists(String area, String caseName, Protocol protocol, String gatewayAnswer) {
    Entry entry = entries.get(key(area, caseName, protocol));
    return entry != null && entry.gatewayAnswer().equals(dateStable(gatewayAnswer));
  }

  /**
   * The answer with the dates of yesterday, today and tomorrow named, not written: PostgreSQL's
   * regression tables insert 'yesterday', 'today' and 'tomorrow', so an answer listed one day must
   * still be the listed answer the next day.
   */
  static String dateStable(String answer) {
    if (answer == null) {
      return null;
    }
    java.time.LocalDate today = java.time.LocalDate.now();
    String stable = answer;
    for (int offset = -1; offset <= 1; offset++) {
      String name = offset == 0 ? "<today>" : offset < 0 ? "<yesterday>" : "<tomorrow>";
      stable = stable.replace(today.plusDays(offset).toString(), name);
    }
    return stable;
  }

  static void write(Path file, String title, List<Entry> entries) {
    List<String> lines = new ArrayList<>();
    lines.add("# " + title);
    lines.add("# Written by DifferentialSuiteTest with -Ddifferential.record=true; one line per case and protocol.");
    lines.add(HEADER);
    entries.forEach(entry -> lines.add(entry.line()));
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
  }

  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(switch (next) {
          case 't' -> '\t';
          case 'n' -> '\n';
          case 'r' -> '\r';
          default -> next;
        });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
