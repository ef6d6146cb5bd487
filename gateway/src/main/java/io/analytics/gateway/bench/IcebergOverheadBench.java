package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.ingest.IngestionPipeline;
import io.analytics.engine.lake.PipelineConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What publishing the lake as Iceberg tables costs an ingest: the benchmark's CSV ingested into a
 * fresh home with {@code iceberg.enabled} false and true, alternately, {@code runs} times each; the
 * medians' difference as a share of the ingest without Iceberg (the target: under 10%).
 */
final class IcebergOverheadBench {
  static final double TARGET = 0.10;

  private final Path scratch;
  private final Path csv;
  private final int runs;

  IcebergOverheadBench(Path scratch, Path csv, int runs) {
    this.scratch = requireNonNull(scratch, "scratch is null");
    this.csv = requireNonNull(csv, "csv is null");
    this.runs = runs;
  }

  CapacityBench.Result run(long rows) throws Exception {
    List<Long> without = new ArrayList<>();
    List<Long> with = new ArrayList<>();
    ingest(true); // warms the JVM's Iceberg and SQLite classes, as a running platform has them
    for (int i = 0; i < runs; i++) {
      without.add(ingest(false));
      with.add(ingest(true));
    }
    long plain = median(without);
    long published = median(with);
    double overhead = (published - plain) / (double) plain;
    return new CapacityBench.Result(
        String.format(Locale.ROOT, "Iceberg metadata on an ingest of %,d rows", rows),
        String.format(Locale.ROOT, "%+.1f%% (median %,d ms with, %,d ms without)", overhead * 100, published / 1_000_000,
            plain / 1_000_000),
        "< 10%", overhead < TARGET);
  }

  private long ingest(boolean iceberg) throws Exception {
    PlatformHome home = new PlatformHome(scratch.resolve("iceberg-ingest-" + System.nanoTime()));
    try {
      home.ensureLayout();
      Files.writeString(home.configFile(), "{\"iceberg\": {\"enabled\": " + iceberg + "}}\n");
      PlatformConfig config = PlatformConfig.load(home.configFile(), java.util.Map.of());
      IngestionPipeline pipeline = new IngestionPipeline("bench", new PipelineConfig(home, config),
          "bronze.trades", StandardSchemas.TRADE, List.of("date"));
      long started = System.nanoTime();
      pipeline.ingestCsv(csv);
      return System.nanoTime() - started;
    } finally {
      BenchCommand.deleteRecursively(home.root());
    }
  }

  private static long median(List<Long> values) {
    List<Long> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }
}
