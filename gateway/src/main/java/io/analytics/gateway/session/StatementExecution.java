package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.session.CancelReason;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.admission.AdmissionControl;
import io.analytics.gateway.sql.SqlStatement;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * What every statement path shares, in one place: statement_timeout, admission control, cancel,
 * the audit line, metrics and slow-statement log (through {@link StatementLog}) and the activity
 * row. Simple queries, extended Execute, portal resumes, cursor FETCH, COPY in both directions and
 * EXPLAIN ANALYZE each run their DuckDB work inside a {@link Run}, so a timeout or a cancel stops
 * any of them the same way.
 */
final class StatementExecution {
  /** Whether a step of a statement waits for a turn from admission control. */
  enum Admission {
    /** DuckDB work that reads relations: takes a turn. */
    ADMITTED,
    /** Waiting for the client (COPY FROM STDIN data): no DuckDB work, so no turn is held. */
    NONE
  }

  private final EngineSession engine;
  private final ScheduledExecutorService timers;
  private final AdmissionControl admission;
  private final StatementLog log;
  private final LongSupplier timeoutMillis;
  /** The statement being run (or checked), for its audit line, and when it started. */
  private SqlStatement current;
  private long startNanos;
  /** The whole text of a statement the guard refused, for its audit line. */
  private String refusedText;
  private volatile String activityQuery;
  private volatile Instant activityStart;

  StatementExecution(EngineSession engine, ScheduledExecutorService timers, AdmissionControl admission, StatementLog log,
      LongSupplier timeoutMillis) {
    this.engine = requireNonNull(engine, "engine is null");
    this.timers = requireNonNull(timers, "timers is null");
    this.admission = requireNonNull(admission, "admission is null");
    this.log = requireNonNull(log, "log is null");
    this.timeoutMillis = requireNonNull(timeoutMillis, "timeoutMillis is null");
  }

  /** A statement begins (is checked, then run): its audit clock starts and pg_stat_activity shows it. */
  void begin(SqlStatement statement) {
    current = requireNonNull(statement, "statement is null");
    startNanos = System.nanoTime();
    activityQuery = statement.sql();
    activityStart = Instant.now();
  }

  /**
   * Runs a step of {@code statement} (its execution, a resume of its portal, a FETCH, a COPY) under
   * statement_timeout, with a turn from admission control when {@code admission} asks for one; close
   * the run when the step stops, however it stops.
   */
  Run run(SqlStatement statement, Admission admission) {
    if (current != statement) {
      begin(statement);
    }
    AdmissionControl.Turn turn = admission == Admission.ADMITTED ? admit(statement) : () -> { };
    // From here a cancel or the timeout stops this statement even between two DuckDB calls.
    engine.beginStatement();
    return new Run(turn, scheduleTimeout());
  }

  /**
   * A turn from admission control, except for statements that read no relation ({@code SELECT 1},
   * {@code SELECT now()}, {@code SELECT version()}): they cost next to nothing, and a health check or
   * a BI tool's ping must answer at once even while heavy statements wait their turn.
   */
  AdmissionControl.Turn admit(SqlStatement statement) {
    boolean readsNothing = statement.keyword().equals("SELECT")
        && statement.tokens().stream().noneMatch(token -> token.is("FROM"));
    return readsNothing ? () -> { } : admission.acquire();
  }

  private ScheduledFuture<?> scheduleTimeout() {
    long millis = timeoutMillis.getAsLong();
    if (millis <= 0) {
      return null;
    }
    return timers.schedule(() -> engine.cancel(CancelReason.STATEMENT_TIMEOUT), millis, TimeUnit.MILLISECONDS);
  }

  /**
   * Stops the statement that runs now, in DuckDB or between two of its steps (waiting for COPY
   * data); safe from any thread, and ignored when no statement runs, as in PostgreSQL.
   */
  void cancel(CancelReason reason) {
    engine.cancel(reason);
  }

  /** The statement finished: one audit line, metrics and perhaps a slow-statement line. */
  void completed(SqlStatement statement, long rows) {
    long nanos = current == statement ? System.nanoTime() - startNanos : 0;
    log.record(statement, rows, nanos, "ok", null);
    current = null;
    refusedText = null;
  }

  /** The statement begun last and not yet finished, or null. */
  SqlStatement currentStatement() {
    return current;
  }

  /** The statement begun last failed (refused, cancelled, an error): recorded with its SQLSTATE. */
  void failed(PlatformException error) {
    if (current != null) {
      completedWith(current, error.sqlState().code());
    }
  }

  private void completedWith(SqlStatement statement, String outcome) {
    log.record(statement, 0, System.nanoTime() - startNanos, outcome, refusedText);
    current = null;
    refusedText = null;
  }

  /** The guard refused the statement begun last: its audit line carries this whole text. */
  void refused(String text) {
    refusedText = text;
  }

  /** Where finished statements are recorded. */
  StatementLog log() {
    return log;
  }

  /** The client's text of the statement running or run last, for pg_stat_activity.query. */
  String activityQuery() {
    return activityQuery;
  }

  /** When that statement started, for pg_stat_activity.query_start. */
  Instant activityStart() {
    return activityStart;
  }

  /** One step of a statement under timeout and admission; closing it ends both. */
  final class Run implements AutoCloseable {
    private final AdmissionControl.Turn turn;
    private final ScheduledFuture<?> timer;

    private Run(AdmissionControl.Turn turn, ScheduledFuture<?> timer) {
      this.turn = turn;
      this.timer = timer;
    }

    /**
     * Raises 57014 (or 57P01) if this run was cancelled or timed out while DuckDB was not running
     * anything, e.g. between two CopyData messages.
     */
    void checkNotCancelled() {
      if (engine.cancelReason() != null) {
        throw engine.cancelledError();
      }
    }

    @Override
    public void close() {
      if (timer != null) {
        timer.cancel(false);
      }
      engine.endStatement();
      turn.close();
    }
  }
}
