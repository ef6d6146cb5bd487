package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.lake.ProgressListener;

/**
 * The benchmark's workloads as progress (a bar on a terminal, plain lines otherwise, as the other
 * long commands show theirs): each workload is a warm-up and its measured runs, one step each, and
 * the detail names the workload and the run ("[3/12] gold key lookup: run 2 of 3").
 */
final class BenchProgress {
  private static final String PHASE = "workloads";

  private final ProgressListener listener;
  private final int workloads;
  private final int runs;

  BenchProgress(ProgressListener listener, int workloads, int runs) {
    this.listener = requireNonNull(listener, "listener is null");
    this.workloads = workloads;
    this.runs = runs;
    listener.started(PHASE);
  }

  void warmingUp(int index, String workload) {
    report(index, 0, workload, "warm-up");
  }

  void measured(int index, String workload, int run) {
    report(index, run, workload, "run " + run + " of " + runs);
  }

  void finished() {
    listener.progress(PHASE, 100);
    listener.finished(PHASE);
  }

  private void report(int index, int stepsDone, String workload, String step) {
    double share = (index * (runs + 1.0) + stepsDone) / (workloads * (runs + 1.0));
    listener.progress(PHASE, Math.min(99.9, 100 * share), "[" + (index + 1) + "/" + workloads + "] " + workload + ": " + step);
  }
}
