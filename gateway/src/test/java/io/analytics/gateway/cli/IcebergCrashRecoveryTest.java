package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.IcebergConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.catalog.lake.DatasetFiles;
import io.analytics.catalog.home.Layer;
import io.analytics.iceberg.catalog.LakeCatalog;
import io.analytics.iceberg.io.LocalFileIO;
import io.analytics.iceberg.lake.DatasetTableSync;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.catalog.TableIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of ingests, half of them the moment the lake's commit is done (its ledger line is
 * written) so that the process dies before or during its Iceberg commit, half at random moments;
 * after each kill a gateway started on the home ({@code analytics serve}) brings the Iceberg table
 * in step before it listens: the table then names exactly the dataset's files, with its rows.
 */
class IcebergCrashRecoveryTest {
  private static final int BATCH_ROWS = 20_000;
  private static final int KILLS = 2;
  private static final TableIdentifier TRADES = TableIdentifier.of("bronze", "trades");

  @TempDir Path home;

  @Test
  void icebergTablesMatchTheCommittedLakeAfterEveryKill() throws Exception {
    assertThat(TradeBatches.cli(home, "init")).isZero();
    assertThat(ingest(0)).isZero();
    assertInStep("after the first ingest");

    Random random = new Random(20261203);
    int killedBetweenCommits = 0;
    for (int kill = 1; kill <= KILLS; kill++) {
      Path csv = TradeBatches.writeCsv(home, kill, BATCH_ROWS, "2024-02");
      long ledgerLines = ledgerLines();
      Process ingest = TradeBatches.cliProcess(home, "ingest", csv.toString(), "--table", "trades", "--partition-by", "date")
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (kill % 2 == 1) {
        while (ingest.isAlive() && ledgerLines() == ledgerLines) {
          Thread.onSpinWait();
        }
      } else {
        Thread.sleep(200 + random.nextInt(2_000));
      }
      ingest.destroyForcibly(); // SIGKILL: no shutdown hooks, no cleanup
      assertThat(ingest.waitFor(30, TimeUnit.SECONDS)).isTrue();
      if (lakeCommitted(ledgerLines) && !inStep()) {
        killedBetweenCommits++;
      }

      try (ServeProcess serve = ServeProcess.start(home)) {
        serve.await("listening on");
        assertInStep("after kill " + kill);
      }
    }
    System.out.printf("%d of %d kills fell between the lake's commit and Iceberg's%n", killedBetweenCommits, KILLS);
    assertThat(killedBetweenCommits).as("kills that left Iceberg behind the lake, repaired at start").isPositive();
  }

  private int ingest(int batch) throws Exception {
    Path csv = TradeBatches.writeCsv(home, batch, BATCH_ROWS, "2024-02");
    return TradeBatches.cli(home, "ingest", csv.toString(), "--table", "trades", "--partition-by", "date");
  }

  private boolean lakeCommitted(long ledgerLinesBefore) throws Exception {
    return ledgerLines() > ledgerLinesBefore;
  }

  private long ledgerLines() throws Exception {
    Path ledger = dataset().resolve("_ingest_log.jsonl");
    return Files.exists(ledger) ? Files.readAllLines(ledger).size() : 0;
  }

  private Path dataset() {
    return new PlatformHome(home).layerDir(Layer.BRONZE).resolve("trades");
  }

  private boolean inStep() {
    return published().keySet().equals(lakeFiles());
  }

  private void assertInStep(String when) throws Exception {
    Map<String, DataFile> published = published();
    assertThat(new TreeSet<>(published.keySet())).as("Iceberg's files %s", when).isEqualTo(lakeFiles());
    long icebergRows = published.values().stream().mapToLong(DataFile::recordCount).sum();
    assertThat(icebergRows).as("Iceberg's rows %s", when).isEqualTo(lakeRows());
  }

  private Map<String, DataFile> published() {
    try (LakeCatalog catalog = LakeCatalog.open(new PlatformHome(home), IcebergConfig.defaults())) {
      return DatasetTableSync.publishedFiles(catalog.catalog().loadTable(TRADES));
    }
  }

  private Set<String> lakeFiles() {
    Set<String> files = new TreeSet<>();
    DatasetFiles.of(dataset()).files().forEach(file -> files.add(LocalFileIO.toLocation(file)));
    return files;
  }

  private long lakeRows() throws Exception {
    StringBuilder list = new StringBuilder();
    for (Path file : DatasetFiles.of(dataset()).files()) {
      list.append(list.length() == 0 ? "" : ", ").append('\'').append(file).append('\'');
    }
    try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        ResultSet rows = duck.createStatement().executeQuery("SELECT count(*) FROM read_parquet([" + list + "])")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
