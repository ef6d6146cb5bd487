package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * idle_in_transaction_session_timeout: ends a session that has sat in a transaction, holding its
 * locks and snapshot, for longer than the configured limit without sending a message.
 */
final class IdleTransactionTimer {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(IdleTransactionTimer.class);

  private final BackendOutput output;
  private final ScheduledExecutorService timers;
  private final Executor serial;
  private final int limitSeconds;
  private final String sessionName;
  /** Counts messages, so that a timer can tell whether the client spoke since it was set. */
  private long messagesHandled;
  private ScheduledFuture<?> timer;

  /** @param limitSeconds 0 for no limit */
  IdleTransactionTimer(BackendOutput output, ScheduledExecutorService timers, Executor serial, int limitSeconds, String sessionName) {
    this.output = requireNonNull(output, "output is null");
    this.timers = requireNonNull(timers, "timers is null");
    this.serial = requireNonNull(serial, "serial is null");
    this.limitSeconds = limitSeconds;
    this.sessionName = requireNonNull(sessionName, "sessionName is null");
  }

  /** A message arrived: the session is not idle. */
  void messageArrived() {
    messagesHandled++;
    if (timer != null) {
      timer.cancel(false);
      timer = null;
    }
  }

  /** The session is ready for a query in {@code status}: inside a transaction, the clock starts. */
  void ready(TransactionStatus status) {
    if (limitSeconds > 0 && status != TransactionStatus.IDLE) {
      long handledAtReady = messagesHandled;
      timer = timers.schedule(() -> serial.execute(() -> endIfStillIdle(handledAtReady)), limitSeconds, TimeUnit.SECONDS);
    }
  }

  private void endIfStillIdle(long handledAtReady) {
    if (messagesHandled != handledAtReady || !output.isOpen()) {
      return;
    }
    LOG.info("ending session of {}: idle in transaction for more than {} s", sessionName, limitSeconds);
    ErrorReporter.fatal(output.buffer(), new PlatformException(
        SqlState.IDLE_IN_TRANSACTION_SESSION_TIMEOUT, "terminating connection due to idle-in-transaction timeout"));
    output.flushAndClose();
  }
}
