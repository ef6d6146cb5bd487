package io.analytics.engine.demo;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.LakeScanner;
import io.analytics.catalog.home.Layer;
import io.analytics.catalog.schema.StandardSchemas;
import io.analytics.catalog.schema.TableSchema;
import io.analytics.engine.lake.CommitHooks;
import io.analytics.engine.lake.DatasetReplacer;
import io.analytics.engine.lake.IngestLedger;
import io.analytics.engine.lake.LakeSession;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.engine.lake.ProgressListener;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the demo lake: {@code bronze.trades} (a million trades of 200 symbols over 250 trading
 * days, partitioned by date), {@code bronze.prices} (daily OHLCV bars), {@code bronze.orders} and
 * {@code gold.daily_pnl}. Every value comes from DuckDB's {@code hash()} of fixed inputs, so the
 * data is the same on every run and any thread count. A dataset already written by this version
 * of the demo is skipped; otherwise it is replaced atomically, so re-running never duplicates.
 */
public final class DemoLake {
  /** Identifies the generator in the ledger; bump it when the data changes. */
  public static final String SOURCE = "demo:v1";

  private final PipelineConfig config;
  private final int trades;
  private final int symbols;
  private final int days;

  /** The full demo: 1,000,000 trades, 200 symbols, 250 days. */
  public DemoLake(PipelineConfig config) {
    this(config, 1_000_000, 200, 250);
  }

  /** A demo of another size (tests use small ones). */
  public DemoLake(PipelineConfig config, int trades, int symbols, int days) {
    this.config = requireNonNull(config, "config is null");
    this.trades = trades;
    this.symbols = symbols;
    this.days = days;
  }

  /** Writes what is missing; returns one line per dataset (written with its row count, or skipped). */
  public List<String> write() {
    List<String> report = new ArrayList<>();
    LakeScanner scanner = new LakeScanner(config.home());
    try (LakeSession session = LakeSession.open(config.home(), config.platform())) {
      createDimensions(session);
      DatasetReplacer replacer = new DatasetReplacer(session, CommitHooks.NONE, ProgressListener.NONE);
      report.add(write(replacer, scanner.dataset(Layer.BRONZE, "prices"), pricesSql(), StandardSchemas.PRICE_BAR));
      report.add(write(replacer, scanner.dataset(Layer.BRONZE, "trades"), tradesSql(), StandardSchemas.TRADE));
      session.refreshLakeViews();
      report.add(write(replacer, scanner.dataset(Layer.BRONZE, "orders"), ordersSql(), StandardSchemas.ORDER));
      String pnl = ExampleSql.read("materializations/30_gold_daily_pnl.sql");
      report.add(write(replacer, scanner.dataset(Layer.GOLD, "daily_pnl"), stripHeader(pnl), StandardSchemas.PNL, List.of()));
    }
    return report;
  }

  private String write(DatasetReplacer replacer, Dataset dataset, String select, TableSchema schema) {
    return write(replacer, dataset, select, schema, List.of("date"));
  }

  private String write(DatasetReplacer replacer, Dataset dataset, String select, TableSchema schema, List<String> partitions) {
    boolean present = new IngestLedger(dataset.directory()).entries().stream()
        .anyMatch(e -> e.source().equals(sourceTag()));
    if (present) {
      return dataset.qualifiedName() + ": already written by the demo, skipped";
    }
    long rows = replacer.replace(dataset, select, partitions, schema, sourceTag());
    return dataset.qualifiedName() + ": " + rows + " rows";
  }

  private String sourceTag() {
    return SOURCE + " " + trades + "x" + symbols + "x" + days;
  }

  private static String stripHeader(String body) {
    return body.trim().replaceAll(";+\\s*$", "");
  }

  private void createDimensions(LakeSession session) {
    session.execute("CREATE OR REPLACE TEMP TABLE demo_days AS SELECT CAST(row_number() OVER (ORDER BY d) - 1 AS INTEGER) AS day_index,"
        + " CAST(d AS DATE) AS date FROM range(DATE '2024-01-01', DATE '2027-01-01', INTERVAL 1 DAY) t(d)"
        + " WHERE dayofweek(d) BETWEEN 1 AND 5 QUALIFY day_index < " + days);
    session.execute("CREATE OR REPLACE TEMP TABLE demo_symbols AS SELECT CAST(i AS INTEGER) AS symbol_index,"
        + " chr(CAST(65 + (i // 676) % 26 AS INTEGER)) || chr(CAST(65 + (i // 26) % 26 AS INTEGER)) || chr(CAST(65 + i % 26 AS INTEGER)) AS symbol,"
        + " 20 + (hash(i, 'base') % 48000) / 100.0 AS base_price FROM range(" + symbols + ") t(i)");
    // A deterministic random walk of daily returns of up to ±2% per symbol.
    session.execute("CREATE OR REPLACE TEMP TABLE demo_bars AS WITH r AS (SELECT s.symbol_index, s.symbol, s.base_price, d.day_index, d.date,"
        + " ((hash(s.symbol_index, d.day_index, 'ret') % 20001) / 10000.0 - 1.0) * 0.02 AS ret FROM demo_symbols s CROSS JOIN demo_days d),"
        + " c AS (SELECT *, base_price * exp(sum(ret) OVER (PARTITION BY symbol_index ORDER BY day_index)) AS close_px FROM r)"
        + " SELECT symbol_index, symbol, day_index, date, coalesce(lag(close_px) OVER (PARTITION BY symbol_index ORDER BY day_index), base_price) AS open_px,"
        + " close_px FROM c");
  }

  private static String pricesSql() {
    return "SELECT symbol, date, CAST(CAST(date AS TIMESTAMP) + INTERVAL 21 HOUR AS TIMESTAMPTZ) AS ts,"
        + " CAST(open_px AS DECIMAL(18,4)) AS open,"
        + " CAST(greatest(open_px, close_px) * (1 + (hash(symbol_index, day_index, 'h') % 100) / 10000.0) AS DECIMAL(18,4)) AS high,"
        + " CAST(least(open_px, close_px) * (1 - (hash(symbol_index, day_index, 'l') % 100) / 10000.0) AS DECIMAL(18,4)) AS low,"
        + " CAST(close_px AS DECIMAL(18,4)) AS close,"
        + " CAST(10000 + hash(symbol_index, day_index, 'vol') % 990000 AS BIGINT) AS volume"
        + " FROM demo_bars";
  }

  /** Trades come in orders of four; each trade's price lies between its day's open and close. */
  private String tradesSql() {
    return "SELECT CAST(i AS BIGINT) AS trade_id,"
        + " CAST(CAST(d.date AS TIMESTAMP) + INTERVAL '14 hours 30 minutes' + to_microseconds(CAST(hash(i, 'ts') % 23400000000 AS BIGINT)) AS TIMESTAMPTZ) AS ts,"
        + " b.symbol,"
        + " CASE WHEN hash(i // 4, 'side') % 2 = 0 THEN 'BUY' ELSE 'SELL' END AS side,"
        + " CAST(1 + hash(i, 'qty') % 500 AS DECIMAL(18,4)) AS quantity,"
        + " CAST(b.open_px + (b.close_px - b.open_px) * ((hash(i, 'pos') % 1001) / 1000.0) AS DECIMAL(18,4)) AS price,"
        + " CASE hash(i, 'venue') % 4 WHEN 0 THEN 'XNYS' WHEN 1 THEN 'XNAS' WHEN 2 THEN 'BATS' ELSE 'IEXG' END AS venue,"
        + " 'O' || lpad(CAST(i // 4 AS VARCHAR), 9, '0') AS order_id,"
        + " d.date"
        + " FROM range(" + trades + ") t(i)"
        + " JOIN demo_days d ON d.day_index = (i * " + days + ") // " + trades
        + " JOIN demo_bars b ON b.day_index = d.day_index AND b.symbol_index = hash(i // 4, 'sym') % " + symbols;
  }

  /** One order per four trades, plus a cancelled order for every tenth. */
  private String ordersSql() {
    return "WITH filled AS (SELECT order_id, min(ts) - INTERVAL 2 SECOND AS ts, any_value(symbol) AS symbol, any_value(side) AS side,"
        + " sum(quantity) AS quantity, max(price) AS max_price, any_value(date) AS date FROM bronze.trades GROUP BY order_id)"
        + " SELECT order_id, ts, symbol, side, CASE WHEN hash(order_id, 'type') % 3 = 0 THEN 'MARKET' ELSE 'LIMIT' END AS order_type,"
        + " CAST(quantity AS DECIMAL(18,4)) AS quantity,"
        + " CASE WHEN hash(order_id, 'type') % 3 = 0 THEN NULL ELSE CAST(max_price * 1.001 AS DECIMAL(18,4)) END AS limit_price,"
        + " 'FILLED' AS status, 'ACC' || CAST(hash(order_id, 'acct') % 5 AS VARCHAR) AS account, date FROM filled"
        + " UNION ALL SELECT 'C' || substr(order_id, 2), ts + INTERVAL 1 SECOND, symbol, side, 'LIMIT',"
        + " CAST(quantity AS DECIMAL(18,4)), CAST(max_price * 0.99 AS DECIMAL(18,4)), 'CANCELLED',"
        + " 'ACC' || CAST(hash(order_id, 'acct') % 5 AS VARCHAR), date FROM filled WHERE hash(order_id, 'cxl') % 10 = 0";
  }
}
