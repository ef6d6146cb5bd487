package io.analytics.engine.session;

/** What running a statement produced: rows to stream, a count of changed rows, or nothing. */
public sealed interface QueryResult extends AutoCloseable {
  /** A result set, read batch by batch from DuckDB's Arrow export. */
  record Rows(ResultStream stream) implements QueryResult {
    @Override
    public void close() {
      stream.close();
    }
  }

  /** The number of rows an INSERT, UPDATE or DELETE changed. */
  record ChangedRows(long count) implements QueryResult {
    @Override
    public void close() {}
  }

  /** A statement that returns nothing. */
  record Nothing() implements QueryResult {
    @Override
    public void close() {}
  }

  @Override
  void close();
}
