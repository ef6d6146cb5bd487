package io.analytics.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.gateway.testing.TestGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * DuckDB's own wall between tiers, below the guard: app's instance reads the gold folder and its
 * own spill folder only, not the COPY spool, the main instance's spill or the warehouse file (DuckDB
 * adds an instance's temp directory to its allowed directories, so no two instances share one), and
 * the main instance does not reach the replicas' scratch folders.
 */
class TierFileAccessTest {
  @Test
  void noTierReadsAFolderAnotherTierWrites() throws Exception {
    try (TestGateway gateway = TestGateway.start()) {
      Path warehouse = gateway.home().warehouseDir();
      Path spool = Files.writeString(Files.createDirectories(warehouse.resolve("tmp/copy")).resolve("copy-x.csv"), "secret\n");
      Path scratch = Files.writeString(Files.createDirectories(warehouse.resolve("tmp/replica-x")).resolve("wal.txt"), "wal\n");
      Path mainSpill = Files.writeString(Files.createDirectories(warehouse.resolve("spill")).resolve("spill.txt"), "rows\n");
      Path gold = gateway.home().dataDir().resolve("gold/daily_pnl/part-0.parquet");
      DuckDbDatabase goldTier = gateway.server().services().instances().goldTier().database();
      DuckDbDatabase main = gateway.server().services().instances().database();

      goldTier.execute("SELECT * FROM read_blob('" + gold + "')");
      for (Path file : new Path[] {spool, scratch, mainSpill, gateway.home().warehouseFile()}) {
        assertThatThrownBy(() -> goldTier.execute("SELECT * FROM read_blob('" + file + "')")).as(file.toString())
            .isInstanceOf(PlatformException.class).hasMessageContaining("disabled by configuration");
      }
      main.execute("SELECT * FROM read_text('" + spool + "')");
      assertThatThrownBy(() -> main.execute("SELECT * FROM read_text('" + scratch + "')"))
          .isInstanceOf(PlatformException.class).hasMessageContaining("disabled by configuration");
      assertThat(Files.readString(spool)).isEqualTo("secret\n");
    }
  }
}
