package io.analytics.gateway.bench;

/** Something a workload runs against: PostgreSQL, the gateway, or DuckDB in process. */
interface BenchTarget extends AutoCloseable {
  String name();

  /**
   * Runs the workload once; returns the elapsed nanoseconds (per query for round trips, per
   * transaction for pgbench), or -1 when this target cannot run it here (no pgbench installed).
   */
  long run(Workload workload) throws Exception;

  @Override
  void close();
}
