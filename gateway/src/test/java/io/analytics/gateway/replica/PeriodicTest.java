package io.analytics.gateway.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PeriodicTest {
  @Test
  void keepsRunningAfterAFailureAndStopsWhenClosed() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    CountDownLatch fiveRuns = new CountDownLatch(5);
    try (Periodic periodic = Periodic.start("test-task", 1, () -> {
      runs.incrementAndGet();
      fiveRuns.countDown();
      throw new IllegalStateException("always fails");
    })) {
      assertThat(fiveRuns.await(60, TimeUnit.SECONDS)).isTrue();
    }
    int afterClose = runs.get();
    Thread.sleep(50);
    assertThat(runs.get()).isEqualTo(afterClose);
  }
}
