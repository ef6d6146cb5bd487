package io.analytics.engine.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.lake.LakeChangeMarker;
import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.engine.lake.DeclaredSchemaFile;
import io.analytics.engine.lake.LakeFixture;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IngestionPipelineTest {
  static final String HEADER = "trade_id,ts,symbol,side,quantity,price,venue\n";
  static final String GOOD =
      HEADER
          + "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n"
          + "2,2024-01-02 11:30:00+00,MSFT,SELL,5,370.25,XNYS\n"
          + "3,2024-01-03T09:45:00Z,AAPL,SELL,7,186.0,XNAS\n";

  @TempDir Path dir;
  LakeFixture lake;

  @BeforeEach
  void setUp() {
    lake = LakeFixture.in(dir);
  }

  IngestionPipeline trades() {
    return new IngestionPipeline("test", lake.config(), "bronze.trades", StandardSchemas.TRADE, List.of("date"));
  }

  @Test
  void csvWithTradeSchemaBecomesADatePartitionedTable() {
    IngestResult result = trades().ingestCsv(lake.write("t.csv", GOOD));

    assertThat(result.skipped()).isFalse();
    assertThat(result.rowsWritten()).isEqualTo(3);
    assertThat(result.rowsRejected()).isZero();
    assertThat(result.filesWritten()).hasSize(2).allSatisfy(f -> assertThat(f.toString()).contains("date=2024-01-0"));
    assertThat(lake.home().layerDir(io.analytics.catalog.home.Layer.BRONZE).resolve("trades/date=2024-01-02")).isDirectory();
    assertThat(lake.count("bronze.trades")).isEqualTo(3);
    assertThat(lake.query("SELECT typeof(price) || ' ' || typeof(ts) || ' ' || typeof(date) FROM bronze.trades LIMIT 1"))
        .containsExactly("DECIMAL(18,4) TIMESTAMP WITH TIME ZONE DATE");
    assertThat(lake.query("SELECT sum(quantity * price) FROM bronze.trades")).containsExactly("5008.25000000");
    assertThat(DeclaredSchemaFile.read(lake.home().dataDir().resolve("bronze/trades"))).contains(StandardSchemas.TRADE);
    assertThat(new LakeChangeMarker(lake.home()).version()).isPositive();
  }

  @Test
  void invalidRowsAreRejectedWithReasonsAndQuarantined() {
    String csv = GOOD
        + "4,not-a-time,AAPL,BUY,1,1,XNAS\n"
        + "5,2024-01-03T10:00:00Z,AAPL,HOLD,-3,1,XNAS\n"
        + "6,2024-01-03T10:00:00Z,,BUY,1,1,XNAS\n";
    IngestResult result = trades().ingestCsv(lake.write("t.csv", csv));

    assertThat(result.rowsWritten()).isEqualTo(3);
    assertThat(result.rowsRejected()).isEqualTo(3);
    assertThat(result.rejections()).extracting(Rejection::reason).anySatisfy(r -> assertThat(r)
        .contains("ts: cannot convert \"not-a-time\" to TIMESTAMPTZ"));
    assertThat(result.rejections()).extracting(Rejection::reason).anySatisfy(r -> assertThat(r)
        .contains("check side_valid failed").contains("check quantity_positive failed"));
    assertThat(result.rejections()).extracting(Rejection::reason).anySatisfy(r -> assertThat(r)
        .contains("symbol: required value missing"));
    assertThat(result.quarantineTable()).isEqualTo("bronze.trades_quarantine");
    assertThat(lake.count("bronze.trades")).isEqualTo(3);
    assertThat(lake.query("SELECT symbol || '|' || side FROM bronze.trades_quarantine WHERE trade_id = '5'"))
        .containsExactly("AAPL|HOLD");
  }

  @Test
  void aBatchWithoutInvalidRowsIsValidatedAndWrittenInOnePassAndOneWithThemInTwo() {
    List<String> clean = new java.util.ArrayList<>();
    trades().withOptions(IngestOptions.defaults().withProgress(phasesInto(clean))).ingestCsv(lake.write("a.csv", GOOD));
    assertThat(clean).containsExactly(ValidatingWrite.SINGLE_PASS_PHASE);

    List<String> invalid = new java.util.ArrayList<>();
    String csv = HEADER + "7,2024-01-04T10:00:00Z,AAPL,BUY,1,2,XNAS\n" + "8,2024-01-04T10:00:00Z,AAPL,HOLD,1,2,XNAS\n"
        + "9,2024-01-05T10:00:00Z,MSFT,SELL,3,4,XNAS\n";
    IngestResult result = trades().withOptions(IngestOptions.defaults().withProgress(phasesInto(invalid)))
        .ingestCsv(lake.write("b.csv", csv));

    assertThat(invalid).containsExactly(ValidatingWrite.SINGLE_PASS_PHASE, "validating", "writing", "quarantining");
    assertThat(result.rowsWritten()).isEqualTo(2);
    assertThat(result.rowsRejected()).isEqualTo(1);
    assertThat(lake.count("bronze.trades")).as("no file of the abandoned single pass was committed").isEqualTo(5);
    assertThat(lake.query("SELECT string_agg(CAST(trade_id AS VARCHAR), ',' ORDER BY trade_id) FROM bronze.trades"))
        .containsExactly("1,2,3,7,9");
    assertThat(lake.query("SELECT trade_id FROM bronze.trades_quarantine")).containsExactly("8");
  }

  private static io.analytics.engine.lake.ProgressListener phasesInto(List<String> phases) {
    return new io.analytics.engine.lake.ProgressListener() {
      @Override
      public void started(String phase) {
        phases.add(phase);
      }
    };
  }

  @Test
  void strictModeRefusesTheWholeBatch() {
    Path csv = lake.write("t.csv", GOOD + "4,2024-01-03T10:00:00Z,AAPL,BUY,0,1,XNAS\n");
    IngestionPipeline strict = trades().withOptions(IngestOptions.defaults().withStrict(true));

    assertThatThrownBy(() -> strict.ingestCsv(csv))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("batch refused")
        .hasMessageContaining("quantity_positive")
        .satisfies(e -> assertThat(((PlatformException) e).sqlState()).isEqualTo(SqlState.CHECK_VIOLATION));
    assertThat(lake.dataFiles()).isEmpty();
  }

  @Test
  void reIngestingTheSameContentIsSkipped() {
    Path csv = lake.write("t.csv", GOOD);
    trades().ingestCsv(csv);
    List<String> before = lake.dataFiles();

    IngestResult again = trades().ingestCsv(lake.write("copy-of-t.csv", GOOD));

    assertThat(again.skipped()).isTrue();
    assertThat(again.rowsWritten()).isZero();
    assertThat(lake.dataFiles()).isEqualTo(before);
    assertThat(lake.count("bronze.trades")).isEqualTo(3);
  }

  @Test
  void aGlobIngestsEveryMatchingFileAsOneBatch() {
    lake.write("day1.csv", HEADER + "1,2024-01-02T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n");
    lake.write("day2.csv", HEADER + "2,2024-01-03T10:00:00Z,AAPL,BUY,10,185.5,XNAS\n");

    IngestResult result = trades().ingestCsv(lake.home().root().resolve("input/day*.csv"));

    assertThat(result.rowsWritten()).isEqualTo(2);
    assertThat(lake.query("SELECT count(DISTINCT date) FROM bronze.trades")).containsExactly("2");
  }

  @Test
  void rowsAreValidatedLikeFilesAndRejectionsNameTheRow() {
    Map<String, Object> good = new LinkedHashMap<>();
    good.put("trade_id", 1L);
    good.put("ts", Instant.parse("2024-01-02T10:00:00Z"));
    good.put("symbol", "AAPL");
    good.put("side", "BUY");
    good.put("quantity", new BigDecimal("10"));
    good.put("price", new BigDecimal("185.5"));
    Map<String, Object> bad = new LinkedHashMap<>(good);
    bad.put("trade_id", 2L);
    bad.put("price", new BigDecimal("-1"));

    IngestResult result = trades().ingestRows(List.of(good, bad));

    assertThat(result.rowsWritten()).isEqualTo(1);
    assertThat(result.rejections()).singleElement().satisfies(r -> {
      assertThat(r.rowNumber()).isEqualTo(2L);
      assertThat(r.reason()).contains("price_positive");
    });
  }

  record Tick(Instant ts, String symbol, BigDecimal price, BigDecimal size) {}

  @Test
  void recordsBecomeRows() {
    IngestionPipeline ticks =
        new IngestionPipeline("ticks", lake.config(), "silver.ticks", StandardSchemas.TICK, null);
    IngestResult result = ticks.ingestRecords(List.of(
        new Tick(Instant.parse("2024-01-02T10:00:00Z"), "AAPL", new BigDecimal("1.5"), BigDecimal.ONE),
        new Tick(Instant.parse("2024-01-03T10:00:00Z"), "AAPL", new BigDecimal("1.6"), BigDecimal.TEN)));

    assertThat(result.rowsWritten()).isEqualTo(2);
    assertThat(lake.query("SELECT count(*) FROM silver.ticks WHERE date = DATE '2024-01-03'")).containsExactly("1");
  }

  @Test
  void rowsWithoutASchemaKeepTheirJavaTypes() {
    IngestionPipeline untyped = new IngestionPipeline("misc", lake.config(), "notes", null, null);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", 7L);
    row.put("amount", new BigDecimal("1.25"));
    row.put("note", "hello");
    untyped.ingestRows(List.of(row));

    assertThat(lake.query("SELECT typeof(id) || ' ' || typeof(amount) || ' ' || note FROM bronze.notes"))
        .containsExactly("BIGINT DECIMAL(38,2) hello");
  }

  @Test
  void parquetFilesAreIngestedToo() throws Exception {
    trades().ingestCsv(lake.write("t.csv", GOOD));
    Path parquet = lake.home().root().resolve("input/copy.parquet");
    lake.execute("COPY (SELECT * EXCLUDE (date) FROM bronze.trades) TO '" + parquet + "' (FORMAT parquet)");

    IngestResult result = new IngestionPipeline("p", lake.config(), "silver.trades_copy", StandardSchemas.TRADE, List.of())
        .ingestFiles(parquet.toString());

    assertThat(result.rowsWritten()).isEqualTo(3);
    assertThat(Files.exists(parquet)).isTrue();
    assertThat(lake.count("silver.trades_copy")).isEqualTo(3);
  }

  @Test
  void aMissingRequiredColumnRefusesTheBatchNamingIt() {
    Path csv = lake.write("t.csv", "trade_id,ts,symbol,side,quantity\n1,2024-01-02T10:00:00Z,AAPL,BUY,1\n");
    assertThatThrownBy(() -> trades().ingestCsv(csv)).hasMessageContaining("\"price\"");
    assertThat(lake.dataFiles()).isEmpty();
  }

  @Test
  void appendingWithOtherPartitionColumnsIsRefused() {
    trades().ingestCsv(lake.write("t.csv", GOOD));
    IngestionPipeline bySymbol =
        new IngestionPipeline("x", lake.config(), "bronze.trades", StandardSchemas.TRADE, List.of("symbol"));
    assertThatThrownBy(() -> bySymbol.ingestCsv(lake.write("u.csv", HEADER + "9,2024-01-05T10:00:00Z,AAPL,BUY,1,1,X\n")))
        .hasMessageContaining("partitioned by [date]");
  }
}
