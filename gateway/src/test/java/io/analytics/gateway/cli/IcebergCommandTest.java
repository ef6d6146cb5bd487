package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code analytics iceberg status|sync} and vacuum's snapshot expiry, on a home with two ingests. */
class IcebergCommandTest {
  @TempDir Path home;

  @Test
  void statusListsEveryDatasetWithItsSnapshotAndTheCatalogForOtherEngines() throws Exception {
    assertThat(TradeBatches.cli(home, "init")).isZero();
    for (int batch = 0; batch < 2; batch++) {
      Path csv = TradeBatches.writeCsv(home, batch, 1_000, "2024-03");
      assertThat(TradeBatches.cli(home, "ingest", csv.toString(), "--table", "trades", "--partition-by", "date")).isZero();
    }

    String status = run("iceberg", "status");
    assertThat(status).contains("catalog lake (embedded)")
        .contains("uri = jdbc:sqlite:" + home.toAbsolutePath().normalize().resolve("iceberg/catalog.db"))
        .contains("jdbc.schema-version = V1");
    assertThat(status.lines().filter(line -> line.startsWith("bronze.trades ")).findFirst().orElseThrow())
        .contains(" append ").contains(" 2000 ").endsWith(" 2");
    assertThat(run("iceberg", "sync")).contains("every table is in step with the lake");

    assertThat(run("vacuum")).contains("snapshots older than the current one expired in 1 table(s)");
    assertThat(run("iceberg", "status").lines().filter(line -> line.startsWith("bronze.trades ")).findFirst().orElseThrow())
        .contains(" 2000 ").endsWith(" 1");
    assertThat(Files.exists(home.resolve("iceberg/metadata/bronze/trades"))).isTrue();
  }

  private String run(String... args) {
    return CliRun.in(home, args).succeeded().out();
  }
}
