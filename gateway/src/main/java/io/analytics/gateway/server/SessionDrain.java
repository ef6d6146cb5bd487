package io.analytics.gateway.server;

import io.analytics.gateway.session.CancelTarget;
import io.analytics.gateway.session.SessionRegistry;
import java.util.concurrent.TimeUnit;

/**
 * Ends the open sessions at shutdown: running statements get a grace period to finish, then every
 * session is terminated (57P01) and given a few seconds to close.
 */
final class SessionDrain {
  private static final long CLOSE_SECONDS = 5;
  private static final long POLL_MILLIS = 20;

  private SessionDrain() {}

  static void drain(SessionRegistry registry, long graceMillis) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMillis);
    while (System.nanoTime() < deadline && registry.targets().stream().anyMatch(CancelTarget::isBusy)) {
      sleepBriefly();
    }
    for (CancelTarget target : registry.targets()) {
      target.terminate();
    }
    long closeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(CLOSE_SECONDS);
    while (System.nanoTime() < closeDeadline && registry.size() > 0) {
      sleepBriefly();
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
