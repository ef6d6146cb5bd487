package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One measured task, with its SQL written against logical table names in braces ({@code {trades}},
 * {@code {accounts}}, ...) that each target maps to its own ({@code trades} in PostgreSQL, {@code
 * bronze.trades} in the gateway), and how it is driven.
 *
 * @param kind QUERY (run, read every row), COPY (COPY ... TO STDOUT), TEXT/BINARY (read every row with
 *     getString, in text or binary transfer), ROUND_TRIPS (many tiny prepared statements, a random key
 *     below {@code keys} bound when {@code keys > 0}), PGBENCH (the script run by pgbench, or its
 *     in-process equivalent, with {@code clients} clients in {@code mode}), INGEST (1M CSV rows into
 *     date-partitioned Parquet), FIRST_PASS (each distinct statement of the pgbench script once, spread
 *     over the clients: the cold start a cache fills on, measured once per target)
 * @param sql the statement, or for PGBENCH and FIRST_PASS the pgbench script
 * @param firstPass for a repeated mix, its cold first pass: run (and reported as a row of its own) before
 *     the mix's warm-up, so that the mix's runs measure what the mix claims, every statement seen before
 */
record Workload(String name, String description, Kind kind, String sql, int clients, PgBenchScript.Mode mode, long keys,
    Optional<Workload> firstPass) {
  enum Kind { QUERY, COPY, TEXT, BINARY, ROUND_TRIPS, PGBENCH, INGEST, FIRST_PASS }

  static final int ROUND_TRIPS = 1000;
  /** What every statement of the dashboard mix is: an aggregate for one of the 250 trading days. */
  static final String DASHBOARD = "\\set d random(0, 249)\n"
      + "SELECT symbol, count(*), sum(quantity), avg(price) FROM {trades} WHERE date = DATE '2024-01-01' + :d GROUP BY symbol;\n";

  Workload {
    requireNonNull(name, "name is null");
    requireNonNull(description, "description is null");
    requireNonNull(kind, "kind is null");
    requireNonNull(sql, "sql is null");
    requireNonNull(mode, "mode is null");
    requireNonNull(firstPass, "firstPass is null");
  }

  Workload(String name, String description, Kind kind, String sql, int clients, PgBenchScript.Mode mode, long keys) {
    this(name, description, kind, sql, clients, mode, keys, Optional.empty());
  }

  Workload(String name, String description, Kind kind, String sql) {
    this(name, description, kind, sql, 1, PgBenchScript.Mode.PREPARED, 0);
  }

  /** The SQL with each {name} replaced by the target's table. */
  String sqlFor(Map<String, String> tables) {
    String text = sql;
    for (Map.Entry<String, String> table : tables.entrySet()) {
      text = text.replace("{" + table.getKey() + "}", table.getValue());
    }
    return text;
  }

  /**
   * Every workload: the analytical ones, bulk results, short statements and key lookups in each
   * protocol mode, the repeated dashboard mix and ingest.
   *
   * @param accounts rows of the pgbench accounts table (pgbench's scale times 100,000)
   * @param lookupRows rows of the large gold lookup dataset
   * @param smallLookupRows rows of the small one
   */
  static List<Workload> all(long accounts, long lookupRows, long smallLookupRows) {
    String selectOnly = "\\set aid random(1, " + accounts + ")\nSELECT abalance FROM pgbench_accounts WHERE aid = :aid;\n";
    return List.of(
        new Workload("group_by_symbol", "GROUP BY symbol", Kind.QUERY,
            "SELECT symbol, count(*), sum(quantity), avg(price) FROM {trades} GROUP BY symbol"),
        new Workload("daily_vwap", "daily VWAP per symbol", Kind.QUERY,
            "SELECT date, symbol, sum(price * quantity) / sum(quantity) AS vwap FROM {trades} GROUP BY date, symbol"),
        new Workload("copy_all", "COPY (SELECT *) TO STDOUT", Kind.COPY, "COPY (SELECT * FROM {trades}) TO STDOUT"),
        new Workload("select_all_text", "SELECT * read by pgjdbc (text)", Kind.TEXT, "SELECT * FROM {trades}"),
        new Workload("select_all_binary", "SELECT * read by pgjdbc (binary)", Kind.BINARY, "SELECT * FROM {trades}"),
        new Workload("select_1", "SELECT 1 (per query)", Kind.ROUND_TRIPS, "SELECT 1"),
        new Workload("point_lookup", "point lookup by key (per query)", Kind.ROUND_TRIPS, "SELECT * FROM {accounts} WHERE id = ?",
            1, PgBenchScript.Mode.PREPARED, BenchData.ACCOUNT_ROWS),
        new Workload("pgbench_select_1_simple", "pgbench SELECT 1, simple, 1 client (per tx)", Kind.PGBENCH, "SELECT 1;\n",
            1, PgBenchScript.Mode.SIMPLE, 0),
        new Workload("pgbench_select_1_extended", "pgbench SELECT 1, extended, 1 client (per tx)", Kind.PGBENCH, "SELECT 1;\n",
            1, PgBenchScript.Mode.EXTENDED, 0),
        new Workload("pgbench_select_1_prepared", "pgbench SELECT 1, prepared, 1 client (per tx)", Kind.PGBENCH, "SELECT 1;\n",
            1, PgBenchScript.Mode.PREPARED, 0),
        new Workload("pgbench_select_only", "pgbench -S, prepared, 8 clients (per tx)", Kind.PGBENCH, selectOnly,
            8, PgBenchScript.Mode.PREPARED, 0),
        new Workload("gold_lookup_large", String.format(java.util.Locale.ROOT, "gold key lookup, %,d rows (per query)", lookupRows),
            Kind.ROUND_TRIPS, "SELECT * FROM {lookup_large} WHERE trade_id = ?", 1, PgBenchScript.Mode.PREPARED, lookupRows),
        new Workload("gold_lookup_small", "small " + String.format(java.util.Locale.ROOT, "gold key lookup, %,d rows (per query)",
            smallLookupRows), Kind.ROUND_TRIPS, "SELECT * FROM {lookup_small} WHERE trade_id = ?", 1,
            PgBenchScript.Mode.PREPARED, smallLookupRows),
        new Workload("dashboard_mix", "dashboard mix, 250 statements repeated, simple, 8 clients (per tx)", Kind.PGBENCH,
            DASHBOARD, 8, PgBenchScript.Mode.SIMPLE, 0, Optional.of(new Workload("dashboard_first_pass",
                "dashboard mix, first pass: each of the 250 statements once, cold, simple, 8 clients (per statement)",
                Kind.FIRST_PASS, DASHBOARD, 8, PgBenchScript.Mode.SIMPLE, 0))),
        new Workload("ingest_csv", "ingest CSV into date-partitioned Parquet", Kind.INGEST, ""));
  }
}
