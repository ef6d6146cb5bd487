package io.analytics.gateway.bench;

/** One run of the ingest workload on a target: loads the benchmark's CSV afresh; returns the elapsed nanoseconds. */
@FunctionalInterface
interface IngestRun {
  long run() throws Exception;
}
