package io.analytics.gateway.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The suite's figures: per area and protocol, how many cases answer as PostgreSQL does, how many
 * differ and how many are silent wrong values; written to {@code target/differential-report.md}
 * after every run, and into docs/COMPATIBILITY.md between its report markers when recording.
 */
final class DifferentialReport {
  static final String START_MARKER = "<!-- differential-report:start -->";
  static final String END_MARKER = "<!-- differential-report:end -->";

  private final List<CaseResult> results;
  private final List<String> gatewaySetupRefusals;

  DifferentialReport(List<CaseResult> results, List<String> gatewaySetupRefusals) {
    this.results = List.copyOf(results);
    this.gatewaySetupRefusals = List.copyOf(gatewaySetupRefusals);
  }

  /** The per-area table (markdown), with a total line. */
  String table() {
    Map<String, int[]> byArea = new LinkedHashMap<>();
    for (CaseResult result : results) {
      int[] counts = byArea.computeIfAbsent(result.area(), area -> new int[6]);
      int offset = result.protocol() == Protocol.EXTENDED ? 0 : 3;
      counts[offset]++;
      if (result.verdict().passes()) {
        counts[offset + 1]++;
      } else if (result.verdict().wrongValue()) {
        counts[offset + 2]++;
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("| Area | Cases | Extended protocol: same | wrong values | Simple protocol: same | wrong values |\n");
    text.append("|---|---:|---:|---:|---:|---:|\n");
    int[] total = new int[6];
    for (Map.Entry<String, int[]> area : byArea.entrySet()) {
      int[] c = area.getValue();
      text.append(row(area.getKey(), c));
      for (int i = 0; i < 6; i++) {
        total[i] += c[i];
      }
    }
    text.append(row("**all**", total));
    return text.toString();
  }

  private static String row(String area, int[] c) {
    return String.format(Locale.ROOT, "| %s | %d | %d (%s) | %d | %d (%s) | %d |%n", area, Math.max(c[0], c[3]), c[1],
        percent(c[1], c[0]), c[2], c[4], percent(c[4], c[3]), c[5]);
  }

  private static String percent(int part, int whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
  }

  /** The full report: the table, then every silent wrong value with both answers. */
  String markdown() {
    StringBuilder text = new StringBuilder("# Differential suite report\n\n");
    text.append("Each case runs through pgjdbc on PostgreSQL 15 and on the gateway, over the extended and the simple ")
        .append("protocol; *same* means the same column names, type OIDs and values, or an error of the same SQLSTATE class.\n\n");
    text.append(table()).append('\n');
    text.append("## Slowest cases on the gateway\n\n");
    results.stream().sorted(java.util.Comparator.comparingLong(CaseResult::gatewayMillis).reversed()).limit(15)
        .forEach(result -> text.append("- ").append(result.gatewayMillis()).append(" ms `").append(result.area()).append(" / ")
            .append(result.testCase().name()).append("` (").append(result.protocol().label()).append(")\n"));
    text.append("\n## Area setup statements the gateway refused\n\n")
        .append("The cases reading what these create differ because of it (a wrong value there may be the setup's).\n\n");
    gatewaySetupRefusals.forEach(refusal -> text.append("- ").append(refusal).append('\n'));
    text.append("\n## Silent wrong values\n\n");
    for (CaseResult result : results) {
      if (result.verdict().wrongValue()) {
        text.append("- `").append(result.area()).append(" / ").append(result.testCase().name()).append("` (")
            .append(result.protocol().label()).append(", ").append(result.verdict().description()).append("): `")
            .append(result.testCase().sql()).append("`\n  - PostgreSQL: `").append(result.postgresRendered())
            .append("`\n  - gateway: `").append(result.gatewayRendered()).append("`\n");
      }
    }
    return text.toString();
  }

  void writeTo(Path file) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, markdown(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Replaces the figures between the markers of {@code document} with this run's table. */
  void updateDocument(Path document) {
    try {
      String text = Files.readString(document, StandardCharsets.UTF_8);
      int start = text.indexOf(START_MARKER);
      int end = text.indexOf(END_MARKER);
      if (start < 0 || end < start) {
        throw new IllegalStateException(document + " has no " + START_MARKER + " ... " + END_MARKER + " section");
      }
      String updated = text.substring(0, start + START_MARKER.length()) + "\n" + table() + text.substring(end);
      Files.writeString(document, updated, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every case that does not pass, as list entries (those documented in their case file left out). */
  List<KnownDifferences.Entry> entries(boolean wrongValues) {
    List<KnownDifferences.Entry> entries = new ArrayList<>();
    for (CaseResult result : results) {
      if (!result.verdict().passes() && result.verdict().wrongValue() == wrongValues
          && (wrongValues || !result.documentedInline())) {
        entries.add(result.entry());
      }
    }
    return entries;
  }
}
