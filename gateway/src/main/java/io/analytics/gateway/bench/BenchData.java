package io.analytics.gateway.bench;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The benchmark's trades: {@code rows} rows of 8 columns over 200 symbols and 250 days, the same
 * for every run (values derive from the row number), written by DuckDB as Parquet partitioned by
 * date into the lake, and as CSV for PostgreSQL's COPY.
 */
final class BenchData {
  static final String COLUMNS = "trade_id BIGINT, ts TIMESTAMPTZ, symbol VARCHAR, side VARCHAR, quantity INTEGER, "
      + "price DECIMAL(18,4), venue VARCHAR, date DATE";
  static final String POSTGRES_COLUMNS = "trade_id bigint, ts timestamptz, symbol text, side text, quantity integer, "
      + "price numeric(18,4), venue text, date date";

  /** Rows of the point-lookup table {@code accounts}. */
  static final int ACCOUNT_ROWS = 100_000;
  /** Rows of the small gold lookup dataset, the yardstick the large one is compared with. */
  static final long SMALL_LOOKUP_ROWS = 10_000;
  /**
   * Rows per Parquet row group of the gold lookup datasets: written sorted by trade_id, each row
   * group's min/max statistics let a lookup by key skip all row groups but one.
   */
  static final int LOOKUP_ROW_GROUP_ROWS = 16_384;

  private BenchData() {}

  /**
   * pgbench's four tables at {@code scale}, in SQL that PostgreSQL, the gateway and DuckDB all run
   * alike (the same rows on every side; {@code bid} is spread by modulo rather than by pgbench's
   * integer division, which only the select-only lookups by {@code aid} never read).
   */
  static java.util.List<String> pgbenchTables(int scale) {
    return java.util.List.of(
        "CREATE TABLE pgbench_branches (bid integer NOT NULL PRIMARY KEY, bbalance integer, filler char(88))",
        "CREATE TABLE pgbench_tellers (tid integer NOT NULL PRIMARY KEY, bid integer, tbalance integer, filler char(84))",
        "CREATE TABLE pgbench_accounts (aid integer NOT NULL PRIMARY KEY, bid integer, abalance integer, filler char(84))",
        "CREATE TABLE pgbench_history (tid integer, bid integer, aid integer, delta integer, mtime timestamp, filler char(22))",
        "INSERT INTO pgbench_branches SELECT i, 0, NULL FROM generate_series(1, " + scale + ") AS t(i)",
        "INSERT INTO pgbench_tellers SELECT i, 1 + i % " + scale + ", 0, NULL FROM generate_series(1, " + (10 * scale) + ") AS t(i)",
        "INSERT INTO pgbench_accounts SELECT i, 1 + i % " + scale + ", 0, '' FROM generate_series(1, " + (100_000L * scale) + ") AS t(i)");
  }

  /** The gold lookup datasets for PostgreSQL: the same rows as tables with trade_id as primary key. */
  static java.util.List<String> postgresLookups(long smallRows) {
    return java.util.List.of(
        "CREATE TABLE lookup_large AS SELECT * FROM trades",
        "ALTER TABLE lookup_large ADD PRIMARY KEY (trade_id)",
        "CREATE TABLE lookup_small AS SELECT * FROM trades WHERE trade_id < " + smallRows,
        "ALTER TABLE lookup_small ADD PRIMARY KEY (trade_id)",
        // The dashboard mix reads one day at a time; the lake is partitioned by date.
        "CREATE INDEX trades_date ON trades (date)");
  }

  /** The point-lookup table (id primary key) for DuckDB, the gateway's warehouse included. */
  static java.util.List<String> duckDbAccounts(int rows) {
    return java.util.List.of(
        "CREATE OR REPLACE TABLE accounts AS SELECT i AS id, 'account ' || i AS name, i % 97 AS desk FROM range(" + rows + ") t(i)",
        "ALTER TABLE accounts ADD PRIMARY KEY (id)");
  }

  /** The same table for PostgreSQL. */
  static java.util.List<String> postgresAccounts(int rows) {
    return java.util.List.of(
        "CREATE TABLE accounts AS SELECT i AS id, 'account ' || i AS name, i % 97 AS desk FROM generate_series(0, " + (rows - 1) + ") i",
        "ALTER TABLE accounts ADD PRIMARY KEY (id)");
  }

  static String select(long rows) {
    long perDay = Math.max(1, rows / 250);
    return "SELECT i AS trade_id, "
        + "TIMESTAMPTZ '2024-01-01 14:30:00+00' + to_days(CAST(i // " + perDay + " AS INTEGER)) + to_microseconds((i % " + perDay + ") * 23400000000 // " + perDay + ") AS ts, "
        + "'S' || lpad(CAST(hash(i) % 200 AS VARCHAR), 3, '0') AS symbol, "
        + "CASE WHEN hash(i * 7) % 2 = 0 THEN 'BUY' ELSE 'SELL' END AS side, "
        + "CAST(1 + hash(i * 13) % 500 AS INTEGER) AS quantity, "
        + "CAST(50 + (hash(i * 17) % 100000) / 100.0 AS DECIMAL(18,4)) AS price, "
        + "['XNAS', 'XNYS', 'ARCX', 'BATS'][CAST(1 + hash(i * 19) % 4 AS INTEGER)] AS venue, "
        + "DATE '2024-01-01' + CAST(i // " + perDay + " AS INTEGER) AS date "
        + "FROM range(" + rows + ") t(i)";
  }

  /** Writes the Parquet dataset into {@code tradesDir} and a CSV copy; returns the CSV. */
  static Path write(long rows, Path tradesDir, Path csv) throws Exception {
    Files.createDirectories(tradesDir.getParent());
    try (DuckDbDatabase scratch = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      scratch.execute("CREATE TABLE trades AS " + select(rows));
      scratch.execute("COPY trades TO '" + tradesDir + "' (FORMAT parquet, PARTITION_BY (date))");
      scratch.execute("COPY trades TO '" + csv + "' (FORMAT csv, HEADER false)");
      Path gold = tradesDir.getParent().resolveSibling("gold");
      writeSortedByKey(scratch, "SELECT * FROM trades", gold.resolve("lookup_large"));
      writeSortedByKey(scratch, "SELECT * FROM trades WHERE trade_id < " + SMALL_LOOKUP_ROWS, gold.resolve("lookup_small"));
    }
    return csv;
  }

  /** A gold dataset of the trades sorted by trade_id, in row groups small enough to skip by their statistics. */
  private static void writeSortedByKey(DuckDbDatabase scratch, String select, Path dir) throws java.io.IOException {
    Files.createDirectories(dir);
    scratch.execute("COPY (" + select + " ORDER BY trade_id) TO '" + dir.resolve("data_0.parquet")
        + "' (FORMAT parquet, ROW_GROUP_SIZE " + LOOKUP_ROW_GROUP_ROWS + ")");
  }

  /** The ingest workload's input: the trades as CSV with a header, in TradeSchema's column names. */
  static Path writeIngestCsv(long rows, Path csv) {
    try (DuckDbDatabase scratch = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      scratch.execute("COPY (" + select(rows) + ") TO '" + csv + "' (FORMAT csv, HEADER true)");
    }
    return csv;
  }
}
