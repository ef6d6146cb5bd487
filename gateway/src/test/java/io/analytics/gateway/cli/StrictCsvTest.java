package io.analytics.gateway.cli;

import io.analytics.gateway.testing.CliRun;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV record with too few or too many fields, or with a quote never closed, is named by file and
 * line with what is wrong, and quarantined (or, with --strict, refuses the batch) like a row with a
 * bad value: it is never stored altered.
 */
class StrictCsvTest {
  @TempDir Path home;
  Path csv;

  @BeforeEach
  void writeRaggedFile() throws Exception {
    assertThat(CliRun.in(home, "init").exitCode()).isZero();
    csv = Files.writeString(home.resolve("ragged.csv"), String.join("\n",
        "trade_id,ts,symbol,side,quantity,price,venue",
        "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS",
        "2,2024-01-03T10:00:00Z,MSFT,SELL,5",
        "3,2024-01-03T10:00:00Z,MSFT,SELL,5,370.25,XNYS,EXTRA",
        "4,2024-01-03T10:00:00Z,\"ZZB,SELL,5,370.25,XNYS",
        "5,2024-01-03T10:00:00Z,\"IBM, Inc\",SELL,5,370.25,XNYS",
        "6,2024-01-03T10:00:00Z,IB\"M,SELL,5,370.25,XNYS", ""));
  }

  @Test
  void malformedRecordsAreNamedAndQuarantinedNeverStoredAltered() {
    CliRun ingest = CliRun.in(home, "ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("bronze.trades: 2 rows written").contains("4 rejected")
        .contains("ragged.csv line 3: too few fields: 5, the header has 7")
        .contains("ragged.csv line 4: too many fields: 8, the header has 7")
        .contains("ragged.csv line 5: a quoted field is never closed")
        .contains("ragged.csv line 7: a quote inside the unquoted field 3");
    assertThat(CliRun.in(home, "query", "SELECT trade_id, symbol FROM bronze.trades ORDER BY trade_id", "--format", "csv").out())
        .isEqualTo("trade_id,symbol\n1,AAPL\n5,\"IBM, Inc\"\n");
    assertThat(CliRun.in(home, "query",
        "SELECT _raw_record FROM bronze.trades_quarantine WHERE _reject_reason LIKE '%line 5:%'", "--format", "csv").out())
        .isEqualTo("_raw_record\n\"4,2024-01-03T10:00:00Z,\"\"ZZB,SELL,5,370.25,XNYS\"\n");
  }

  @Test
  void strictModeRefusesTheBatchNamingTheFirstMalformedRecord() {
    CliRun strict = CliRun.in(home, "ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema", "--strict");
    assertThat(strict.exitCode()).isEqualTo(2);
    assertThat(strict.err()).contains("batch refused (strict mode): 4 malformed records")
        .contains("first: ragged.csv line 3: too few fields: 5, the header has 7");
    assertThat(home.resolve("data/bronze/trades")).doesNotExist();
  }

  @Test
  void withoutASchemaMalformedRecordsAreQuarantinedToo() {
    CliRun ingest = CliRun.in(home, "ingest", csv.toString(), "--table", "raw_trades");
    assertThat(ingest.exitCode()).as(ingest.err()).isZero();
    assertThat(ingest.out()).contains("bronze.raw_trades: 2 rows written").contains("4 rejected");
    assertThat(CliRun.in(home, "query", "SELECT count(*) AS n FROM bronze.raw_trades_quarantine", "--format", "csv").out())
        .isEqualTo("n\n4\n");
  }
}
