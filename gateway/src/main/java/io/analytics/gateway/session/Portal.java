package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import java.util.List;

/**
 * A bound statement ready to execute (or partly executed): the plan, its parameter values, the
 * result formats the client asked for, and, once running, the cursor it stopped at.
 */
final class Portal implements AutoCloseable {
  private final String name;
  private final PreparedPlan plan;
  private final List<Object> parameters;
  private final List<FieldDescription> fields;
  private final List<ResultColumn> columns;
  private ResultCursor cursor;
  private ScrollCursor scrollCursor;
  private long totalRowsSent;
  private boolean completed;
  private boolean declared;
  private boolean holdable;
  private final java.time.Instant createdAt = java.time.Instant.now();

  Portal(String name, PreparedPlan plan, List<Object> parameters, List<FieldDescription> fields, List<ResultColumn> columns) {
    this.name = requireNonNull(name, "name is null");
    this.plan = requireNonNull(plan, "plan is null");
    this.parameters = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(parameters));
    this.fields = fields == null ? null : List.copyOf(fields);
    this.columns = List.copyOf(columns);
  }

  String name() {
    return name;
  }

  PreparedPlan plan() {
    return plan;
  }

  List<Object> parameters() {
    return parameters;
  }

  /** The RowDescription fields with the formats chosen at Bind, or null when it returns no rows. */
  List<FieldDescription> fields() {
    return fields;
  }

  /** The result columns as known at Bind (empty when it returns no rows). */
  List<ResultColumn> columns() {
    return columns;
  }

  short[] formats() {
    return RowDescriptions.formatsOf(fields);
  }

  /** Adds rows one Execute sent; a portal run in pieces sends its result over several. */
  void rowsSent(long rows) {
    totalRowsSent += rows;
  }

  long totalRowsSent() {
    return totalRowsSent;
  }

  ResultCursor cursor() {
    return cursor;
  }

  void start(ResultCursor newCursor) {
    this.cursor = newCursor;
  }

  /** The rows of a cursor declared SCROLL, or null. */
  ScrollCursor scrollCursor() {
    return scrollCursor;
  }

  /** A SCROLL cursor holds its rows from here on, not a position in DuckDB's result. */
  void startScrolling(ScrollCursor rows) {
    this.scrollCursor = requireNonNull(rows, "rows is null");
  }

  boolean isStarted() {
    return cursor != null || scrollCursor != null || completed;
  }

  boolean isCompleted() {
    return completed;
  }

  void complete() {
    completed = true;
    scrollCursor = null;
    if (cursor != null) {
      cursor.close();
      cursor = null;
    }
  }

  /**
   * Marks a portal made by DECLARE: it owns its prepared query, and with HOLD it outlives the
   * transaction that declared it.
   */
  void declared(boolean withHold) {
    declared = true;
    holdable = withHold;
  }

  /** Whether DECLARE made this portal (a cursor in pg_cursors). */
  boolean isDeclared() {
    return declared;
  }

  java.time.Instant createdAt() {
    return createdAt;
  }

  /** Whether a transaction's end leaves this portal open (a cursor declared WITH HOLD). */
  boolean isHoldable() {
    return holdable;
  }

  @Override
  public void close() {
    complete();
    if (declared) {
      plan.close();
    }
  }
}
