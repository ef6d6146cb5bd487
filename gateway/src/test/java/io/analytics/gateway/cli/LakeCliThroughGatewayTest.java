package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.gateway.testing.TestGateway;
import io.analytics.gateway.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * CLI commands while a gateway serves the same home: they find it through
 * {@code warehouse/gateway.json}, send their SQL through it, and what pipelines write is visible to
 * it at once.
 */
class LakeCliThroughGatewayTest {
  static CliRun cli(Path home, String... args) {
    return CliRun.in(home, args).succeeded();
  }

  @Test
  void commandsGoThroughTheRunningGatewayAndNewDatasetsAreVisibleToIt() throws Exception {
    try (TestGateway gateway = TestGateway.start()) {
      Path home = gateway.home().root();
      GatewayEndpointFile.write(gateway.home(), ProcessHandle.current().pid(), gateway.host(), gateway.port());
      cli(home, "init");

      assertThat(cli(home, "query", "SELECT count(*) AS n FROM bronze.trades", "--format", "csv").out()).isEqualTo("n\n10000\n");

      Path csv = Files.writeString(home.resolve("extra.csv"), "trade_id,ts,symbol,side,quantity,price\n"
          + "1,2024-03-01T10:00:00Z,AAPL,BUY,1,10\n2,2024-03-01T11:00:00Z,AAPL,SELL,1,11\n");
      cli(home, "ingest", csv.toString(), "--table", "extra", "--schema", "TradeSchema");
      assertThat(cli(home, "query", "SELECT count(*) AS n FROM bronze.extra", "--format", "csv").out()).isEqualTo("n\n2\n");

      assertThat(cli(home, "migrate").out()).contains("2 applied");
      assertThat(cli(home, "query", "SELECT count(*) AS n FROM ref.venues", "--format", "csv").out()).isEqualTo("n\n4\n");
      assertThat(cli(home, "tables").out()).contains("bronze.extra").contains("ref.venues");
      assertThat(cli(home, "vacuum").out()).contains("gateway at 127.0.0.1:" + gateway.port());
      GatewayEndpointFile.delete(gateway.home());
    }
  }
}
