package io.analytics.gateway.bench;

/** Something a workload runs against: PostgreSQL, the gateway, or DuckDB in process. */
interface BenchTarget extends AutoCloseable {
  String name();

  /** Runs the workload once; returns the elapsed nanoseconds (per query for round trips). */
  long run(Workload workload) throws Exception;

  @Override
  void close();
}
