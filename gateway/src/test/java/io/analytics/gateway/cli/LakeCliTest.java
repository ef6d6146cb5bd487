package io.analytics.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.GatewayEndpointFile;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.gateway.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lake's CLI end to end, as a newcomer would use it, through {@link AnalyticsCli#run}. */
class LakeCliTest {
  @TempDir Path home;

  CliRun cli(String... args) {
    return CliRun.in(home, args);
  }

  CliRun ok(String... args) {
    CliRun run = cli(args);
    assertThat(run.exitCode()).as("exit code of %s, stderr: %s", String.join(" ", args), run.err()).isZero();
    return run;
  }

  @Test
  void initIngestQueryDescribeRunAndMigrate() throws Exception {
    ok("init");
    assertThat(home.resolve("config/platform.json")).exists();
    assertThat(home.resolve("sql/views/10_bronze_views.sql")).exists();
    assertThat(home.resolve("sql/migrations/V001__reference_tables.sql")).exists();
    Files.writeString(home.resolve("config/platform.json"), "{\"duckdb\": {\"threads\": 2}}");
    ok("init");
    assertThat(Files.readString(home.resolve("config/platform.json"))).contains("\"threads\": 2");

    Path csv = Files.writeString(home.resolve("trades.csv"),
        "trade_id,ts,symbol,side,quantity,price,venue\n"
            + "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n"
            + "2,2024-01-03T10:00:00Z,MSFT,SELL,5,370.25,XNYS\n"
            + "3,2024-01-03T10:00:00Z,MSFT,HOLD,5,370.25,XNYS\n");
    CliRun ingest = ok("ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema", "--partition-by", "date");
    assertThat(ingest.out()).contains("bronze.trades: 2 rows written").contains("1 rejected").contains("side_valid");
    assertThat(home.resolve("data/bronze/trades/date=2024-01-02")).isDirectory();
    assertThat(ok("ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema").out()).contains("skipped");

    assertThat(ok("query", "SELECT count(*) AS n FROM bronze.trades", "--format", "csv").out()).isEqualTo("n\n2\n");
    assertThat(ok("query", "SELECT symbol, price FROM bronze.trades ORDER BY trade_id").out())
        .contains(" symbol | price").contains(" AAPL   | 185.5000").contains("(2 rows)");
    assertThat(ok("query", "SELECT symbol FROM bronze.trades WHERE trade_id = 2", "--format", "json").out())
        .isEqualTo("{\"symbol\":\"MSFT\"}\n");

    CliRun describe = ok("describe", "bronze.trades");
    assertThat(describe.out()).contains("source:         parquet").contains("partitioned by: date")
        .contains("rows:           2").contains("declared schema: TradeSchema").contains("quantity_positive")
        .contains("DECIMAL(18,4)");
    assertThat(ok("tables").out()).contains("bronze.trades").contains("bronze.trades_quarantine");

    Path script = Files.writeString(home.resolve("report.sql"),
        "CREATE OR REPLACE TABLE main.report AS SELECT * FROM bronze.trades WHERE symbol = :'symbol';\n"
            + "SELECT count(*) AS n FROM main.report;\n");
    assertThat(ok("run", script.toString(), "-v", "symbol=MSFT", "--format", "csv").out()).endsWith("n\n1\n");
    CliRun missing = cli("run", script.toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("symbol").contains("not set");

    assertThat(ok("migrate").out()).contains("applied V001__reference_tables.sql").contains("2 applied");
    assertThat(ok("migrate").out()).contains("0 applied, 2 already applied");
    assertThat(ok("query", "SELECT count(*) FROM ref.venues", "--format", "csv").out()).endsWith("4\n");
    Files.writeString(home.resolve("sql/migrations/V001__reference_tables.sql"), "-- edited\n", java.nio.file.StandardOpenOption.APPEND);
    assertThat(cli("migrate").err()).contains("was changed after it was applied");

    assertThat(ok("tables").out()).contains("ref.venues").contains("duckdb");
    CliRun status = ok("status");
    assertThat(status.out()).contains("bronze: 2 datasets").contains("bronze.trades: 2 rows")
        .contains("gateway: not running").contains("no sources configured");
  }

  @Test
  void aGatewayFileOfADeadProcessIsIgnored() {
    ok("init");
    GatewayEndpointFile.write(new PlatformHome(home), Long.MAX_VALUE - 7, "127.0.0.1", 1);
    assertThat(ok("query", "SELECT 42 AS answer", "--format", "csv").out()).isEqualTo("answer\n42\n");
  }

  @Test
  void unknownSchemaAndMissingFileAreClearErrors() {
    ok("init");
    CliRun badSchema = cli("ingest", "x.csv", "--table", "t", "--schema", "NoSuchSchema");
    assertThat(badSchema.exitCode()).isEqualTo(2);
    assertThat(badSchema.err()).contains("unknown schema \"NoSuchSchema\"");
    CliRun noFile = cli("ingest", home.resolve("nope.csv").toString(), "--table", "t");
    assertThat(noFile.err()).contains("no such file");
  }

  @Test
  void demoLakeThenRefreshExportAndVacuum() {
    CliRun init = ok("init", "--demo");
    assertThat(init.out()).contains("bronze.trades: 1000000 rows").contains("gold.daily_pnl: 50000 rows");
    assertThat(ok("init", "--demo").out()).contains("already written by the demo, skipped");
    assertThat(ok("query", "SELECT count(*) FROM bronze.trades", "--format", "csv").out()).endsWith("1000000\n");

    CliRun refresh = ok("refresh");
    assertThat(refresh.out()).contains("views: 10_bronze_views.sql").contains("silver.positions (parquet): 50000 rows")
        .contains("gold.daily_pnl (parquet): 50000 rows");
    assertThat(ok("query", "SELECT count(*) FROM bronze.trades_enriched", "--format", "csv").out()).endsWith("1000000\n");

    ok("export", "--query", "SELECT symbol, sum(total_pnl) AS pnl FROM gold.daily_pnl GROUP BY symbol", "--table", "symbol_pnl");
    assertThat(ok("query", "SELECT count(*) FROM gold.symbol_pnl", "--format", "csv").out()).endsWith("200\n");

    assertThat(ok("vacuum", "--compact", "gold.symbol_pnl").out()).contains("gold.symbol_pnl: 1 files merged into 1")
        .contains("warehouse checkpointed").contains("warehouse compacted: ");
    assertThat(ok("query", "SELECT count(*) FROM gold.symbol_pnl", "--format", "csv").out()).endsWith("200\n");
  }
}
