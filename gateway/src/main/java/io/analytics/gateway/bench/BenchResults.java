package io.analytics.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Medians per workload and target, written as Markdown, CSV and an SVG bar chart (log scale). */
final class BenchResults {
  private final List<String> targets;
  private final Map<String, Map<String, List<Long>>> samples = new LinkedHashMap<>();
  private final Map<String, String> descriptions = new LinkedHashMap<>();
  private final List<CapacityBench.Result> capacity = new ArrayList<>();
  private final List<CapacityBench.Result> freshness = new ArrayList<>();
  private final List<CapacityBench.Result> iceberg = new ArrayList<>();
  private final List<Comparison> comparisons = new ArrayList<>();

  /** Two workloads whose medians are compared within each target (e.g. a lookup in 10M rows against one in 10k). */
  private record Comparison(String workload, String baseline, String description) {}

  BenchResults(List<String> targets) {
    this.targets = List.copyOf(targets);
  }

  void record(Workload workload, String target, long nanos) {
    descriptions.put(workload.name(), workload.description());
    samples.computeIfAbsent(workload.name(), w -> new LinkedHashMap<>()).computeIfAbsent(target, t -> new ArrayList<>()).add(nanos);
  }

  /** Reports, for each target, {@code workload}'s median divided by {@code baseline}'s. */
  void compare(String workload, String baseline, String description) {
    comparisons.add(new Comparison(workload, baseline, description));
  }

  void capacity(List<CapacityBench.Result> results) {
    capacity.addAll(results);
  }

  /** What publishing Iceberg metadata adds to an ingest, reported in its own table. */
  void iceberg(CapacityBench.Result result) {
    iceberg.add(result);
  }

  /** Source freshness (commit at PostgreSQL to visible on the gateway), reported in its own table. */
  void freshness(List<CapacityBench.Result> results) {
    freshness.addAll(results);
  }

  /** Median in milliseconds, or NaN when the target did not run the workload. */
  double medianMillis(String workload, String target) {
    List<Long> values = samples.getOrDefault(workload, Map.of()).get(target);
    if (values == null || values.isEmpty()) {
      return Double.NaN;
    }
    List<Long> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int middle = sorted.size() / 2;
    double median = sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    return median / 1_000_000.0;
  }

  private static void resultTable(StringBuilder md, String title, List<CapacityBench.Result> results) {
    if (results.isEmpty()) {
      return;
    }
    md.append('\n').append(title).append("\n\n| measurement | result | target | met |\n|---|---|---|---|\n");
    for (CapacityBench.Result result : results) {
      md.append("| ").append(result.measurement()).append(" | ").append(result.result()).append(" | ").append(result.target())
          .append(" | ").append(result.met() ? "yes" : "no").append(" |\n");
    }
  }

  String markdown(String header) {
    StringBuilder md = new StringBuilder(header).append("\n\n| workload |");
    for (String target : targets) {
      md.append(' ').append(target).append(" (ms) |");
    }
    md.append(" gateway ÷ DuckDB | PostgreSQL ÷ gateway |\n|---|");
    md.append("---:|".repeat(targets.size() + 2)).append('\n');
    for (String workload : samples.keySet()) {
      md.append("| ").append(descriptions.get(workload)).append(" |");
      for (String target : targets) {
        md.append(' ').append(format(medianMillis(workload, target))).append(" |");
      }
      md.append(' ').append(ratio(medianMillis(workload, BenchCommand.GATEWAY), medianMillis(workload, BenchCommand.DUCKDB)))
          .append(" | ").append(ratio(medianMillis(workload, BenchCommand.POSTGRES), medianMillis(workload, BenchCommand.GATEWAY)))
          .append(" |\n");
    }
    for (Comparison comparison : comparisons) {
      md.append('\n').append(comparison.description()).append(':');
      for (String target : targets) {
        md.append(' ').append(target).append(' ')
            .append(ratio(medianMillis(comparison.workload(), target), medianMillis(comparison.baseline(), target))).append(';');
      }
      md.setLength(md.length() - 1);
      md.append('\n');
    }
    resultTable(md, "Capacity (the gateway as a process of its own, heap capped at " + CapacityBench.MAX_HEAP + "):", capacity);
    resultTable(md, "The lake as Iceberg tables (docs/SCALING.md): the same ingest with and without publishing:", iceberg);
    resultTable(md, "PostgreSQL source freshness (a commit at the source until a gateway query sees it):", freshness);
    return md.toString();
  }

  String csv() {
    StringBuilder csv = new StringBuilder("workload,target,median_ms,samples\n");
    for (String workload : samples.keySet()) {
      for (String target : targets) {
        List<Long> values = samples.get(workload).get(target);
        if (values != null) {
          csv.append(workload).append(',').append(target).append(',')
              .append(String.format(Locale.ROOT, "%.3f", medianMillis(workload, target))).append(',').append(values.size()).append('\n');
        }
      }
    }
    return csv.toString();
  }

  /** Grouped horizontal bars per workload, one colour per target, on a log10 scale of milliseconds. */
  String svg(String title) {
    String[] colours = {"#336791", "#e07b39", "#ffc107"};
    int rowHeight = 18;
    int groupHeight = rowHeight * targets.size() + 14;
    int width = 900;
    int left = 260;
    int height = 60 + groupHeight * samples.size() + 20 * targets.size();
    double max = 1;
    double min = Double.MAX_VALUE;
    for (String workload : samples.keySet()) {
      for (String target : targets) {
        double value = medianMillis(workload, target);
        if (!Double.isNaN(value)) {
          max = Math.max(max, value);
          min = Math.min(min, value);
        }
      }
    }
    double low = Math.floor(Math.log10(Math.max(min, 1e-3)));
    double high = Math.ceil(Math.log10(max));
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"").append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    svg.append("<text x=\"10\" y=\"20\" font-size=\"14\">").append(escape(title)).append(" (median ms, log scale)</text>\n");
    int y = 40;
    for (String workload : samples.keySet()) {
      svg.append("<text x=\"10\" y=\"").append(y + rowHeight).append("\">").append(escape(descriptions.get(workload))).append("</text>\n");
      for (int t = 0; t < targets.size(); t++) {
        double value = medianMillis(workload, targets.get(t));
        if (!Double.isNaN(value)) {
          double fraction = (Math.log10(Math.max(value, 1e-3)) - low) / Math.max(high - low, 1);
          int bar = (int) Math.max(2, fraction * (width - left - 120));
          svg.append("<rect x=\"").append(left).append("\" y=\"").append(y + t * rowHeight).append("\" width=\"").append(bar)
              .append("\" height=\"").append(rowHeight - 3).append("\" fill=\"").append(colours[t % colours.length]).append("\"/>\n");
          svg.append("<text x=\"").append(left + bar + 4).append("\" y=\"").append(y + t * rowHeight + rowHeight - 6).append("\">")
              .append(format(value)).append(" ms</text>\n");
        }
      }
      y += groupHeight;
    }
    for (int t = 0; t < targets.size(); t++) {
      svg.append("<rect x=\"10\" y=\"").append(y + t * 20).append("\" width=\"12\" height=\"12\" fill=\"").append(colours[t % colours.length])
          .append("\"/><text x=\"28\" y=\"").append(y + t * 20 + 11).append("\">").append(escape(targets.get(t))).append("</text>\n");
    }
    return svg.append("</svg>\n").toString();
  }

  void write(Path directory, String header) throws IOException {
    Files.createDirectories(directory);
    Files.writeString(directory.resolve("results.md"), markdown(header) + "\n![chart](results.svg)\n");
    Files.writeString(directory.resolve("results.csv"), csv());
    Files.writeString(directory.resolve("results.svg"), svg(header.replace("#", "").strip()));
  }

  private static String format(double millis) {
    if (Double.isNaN(millis)) {
      return "n/a";
    }
    return millis >= 100 ? String.format(Locale.ROOT, "%.0f", millis) : String.format(Locale.ROOT, "%.3f", millis);
  }

  private static String ratio(double a, double b) {
    if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.2fx", a / b);
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
