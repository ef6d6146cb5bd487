package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.progress.PlainProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Long work shows its progress as plain lines when the output is not a terminal. */
class ProgressLinesTest {
  @TempDir Path home;

  @Test
  void linesSayPercentBytesRateAndTimeLeftAtMostOncePerInterval() {
    AtomicLong now = new AtomicLong();
    StringWriter err = new StringWriter();
    PlainProgress progress = new PlainProgress("ingest bronze.trades", 100_000_000, new PrintWriter(err),
        TimeUnit.SECONDS.toNanos(5), now::get);
    progress.started("writing");
    now.set(TimeUnit.SECONDS.toNanos(1));
    progress.progress("writing", 10);
    now.set(TimeUnit.SECONDS.toNanos(10));
    progress.progress("writing", 50);
    now.set(TimeUnit.SECONDS.toNanos(11));
    progress.progress("writing", 60);
    now.set(TimeUnit.SECONDS.toNanos(20));
    progress.progress("writing", 100);
    progress.finished("writing");
    assertThat(err.toString()).isEqualTo(String.join("\n",
        "ingest bronze.trades: writing started (100.0 MB)",
        "ingest bronze.trades: writing 50% (50.0 MB of 100.0 MB, 5.0 MB/s, about 10.0 s left)",
        "ingest bronze.trades: writing done in 20.0 s (100.0 MB, 5.0 MB/s)", ""));
  }

  @Test
  void aSyncsLinesSayItsShareOfTheSourcesEstimatedRowsTheirRateAndTimeLeft() {
    AtomicLong now = new AtomicLong();
    StringWriter err = new StringWriter();
    PlainProgress progress = new PlainProgress("sync", 0, new PrintWriter(err), TimeUnit.SECONDS.toNanos(5), now::get);
    progress.started("oltp");
    now.set(TimeUnit.SECONDS.toNanos(6));
    progress.progress("oltp", SyncProgressDisplay.percent(40_000, 100_000),
        SyncProgressDisplay.detail(40_000, 100_000, TimeUnit.SECONDS.toNanos(4)));
    progress.progress("oltp", 100);
    progress.finished("oltp");
    assertThat(err.toString()).isEqualTo(String.join("\n",
        "sync: oltp started",
        "sync: oltp 40% (40,000 of about 100,000 rows, 10,000 rows/s, about 9.0 s left)",
        "sync: oltp done in 6.0 s", ""));
    assertThat(SyncProgressDisplay.percent(100_000, 100_000)).as("100 only when the sync says so").isLessThan(100);
    assertThat(SyncProgressDisplay.detail(5, 0, 0)).isEqualTo("5 rows, 0 rows/s");
  }

  @Test
  void anIngestThatIsNotOnATerminalPrintsItsPhases() throws Exception {
    Path csv = home.resolve("trades.csv");
    CliRun ingest = initAndIngest(csv, "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n");
    // A batch without invalid rows is validated and written in one pass over the source.
    assertThat(ingest.err()).contains("ingest trades: validating and writing started (" + Files.size(csv) + " B)")
        .contains("ingest trades: validating and writing done in");
  }

  @Test
  void aMaterializationThatIsNotOnATerminalPrintsItsPhasesPerFile() throws Exception {
    initAndIngest(home.resolve("trades.csv"), "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n2,2024-01-02T11:00:00Z,MSFT,SELL,5,370.1,XNAS\n");
    Path scripts = Files.createDirectories(home.resolve("sql/materializations"));
    // Only this test's script: init's examples read demo datasets this home does not have.
    try (java.util.stream.Stream<Path> examples = Files.list(scripts)) {
      for (Path example : examples.toList()) {
        Files.delete(example);
      }
    }
    Files.writeString(scripts.resolve("50_symbols.sql"),
        "-- target: silver.symbols\n-- format: parquet\nSELECT symbol, count(*) AS trades FROM bronze.trades GROUP BY symbol\n");
    CliRun materialize = CliRun.in(home, "materialize");
    assertThat(materialize.exitCode()).as(materialize.err()).isZero();
    assertThat(materialize.out()).contains("materialized: 50_symbols.sql");
    assertThat(materialize.err()).containsPattern("(?m)^materialize: 50_symbols\\.sql [a-z]+ started$")
        .containsPattern("(?m)^materialize: 50_symbols\\.sql [a-z]+ done in [0-9.]+ s$");
  }

  /** A new home with bronze.trades ingested from {@code csv} holding {@code rows}; the ingest's run. */
  private CliRun initAndIngest(Path csv, String rows) throws Exception {
    assertThat(CliRun.in(home, "init").exitCode()).isZero();
    Files.writeString(csv, "trade_id,ts,symbol,side,quantity,price,venue\n" + rows);
    CliRun ingest = CliRun.in(home, "ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    return ingest;
  }
}
