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

  private BenchData() {}

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
    }
    return csv;
  }
}
