package io.analytics.gateway.bench;

/**
 * One measured task, with its SQL for PostgreSQL and the gateway ({@code trades}/{@code
 * bronze.trades}) and how it is driven.
 *
 * @param kind QUERY (run, read every row), COPY (COPY ... TO STDOUT), TEXT/BINARY (read every row with
 *     getString, in text or binary transfer), ROUND_TRIPS (many tiny prepared statements)
 */
record Workload(String name, String description, Kind kind, String sql) {
  enum Kind { QUERY, COPY, TEXT, BINARY, ROUND_TRIPS }

  static final int ROUND_TRIPS = 1000;

  static java.util.List<Workload> all() {
    return java.util.List.of(
        new Workload("group_by_symbol", "GROUP BY symbol", Kind.QUERY,
            "SELECT symbol, count(*), sum(quantity), avg(price) FROM %s GROUP BY symbol"),
        new Workload("daily_vwap", "daily VWAP per symbol", Kind.QUERY,
            "SELECT date, symbol, sum(price * quantity) / sum(quantity) AS vwap FROM %s GROUP BY date, symbol"),
        new Workload("copy_all", "COPY (SELECT *) TO STDOUT", Kind.COPY, "COPY (SELECT * FROM %s) TO STDOUT"),
        new Workload("select_all_text", "SELECT * read by pgjdbc (text)", Kind.TEXT, "SELECT * FROM %s"),
        new Workload("select_all_binary", "SELECT * read by pgjdbc (binary)", Kind.BINARY, "SELECT * FROM %s"),
        new Workload("select_1", "SELECT 1 (per query)", Kind.ROUND_TRIPS, "SELECT 1"),
        new Workload("point_lookup", "point lookup by key (per query)", Kind.ROUND_TRIPS, "SELECT * FROM %s WHERE id = ?"));
  }
}
