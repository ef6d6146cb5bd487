package io.analytics.gateway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.postgres.LocalPostgresCluster;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freshness measurement runs both paths end to end (its figures are for make bench, not asserted here). */
class FreshnessBenchTest {
  @TempDir Path work;

  @Test
  void measuresCommitToVisibleForChangeCaptureAndPolling() throws Exception {
    var binaries = LocalPostgresCluster.findBinaries();
    Assumptions.assumeTrue(binaries.isPresent(), "no PostgreSQL binaries");

    List<CapacityBench.Result> results = new FreshnessBench(binaries.get(), work, 3).runAll();

    assertThat(results).extracting(CapacityBench.Result::measurement).containsExactly(
        "source commit to visible, change capture (logical replication)",
        "source commit to visible, polling (syncIntervalSeconds 1)");
    assertThat(results).allSatisfy(result -> assertThat(result.result()).matches("median \\d+ ms, p99 \\d+ ms \\(3 commits\\)"));
  }
}
