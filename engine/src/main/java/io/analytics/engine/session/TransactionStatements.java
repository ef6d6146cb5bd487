package io.analytics.engine.session;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * BEGIN, COMMIT and ROLLBACK prepared once per session and executed again each time: every
 * extended-protocol Execute of a short statement opens and ends an implicit transaction, and
 * preparing those two statements anew cost more than the statement itself.
 */
final class TransactionStatements implements AutoCloseable {
  private static final Set<String> REUSED = Set.of("BEGIN TRANSACTION", "BEGIN", "COMMIT", "ROLLBACK");

  private final EngineSession session;
  private final Map<String, PreparedQuery> prepared = new HashMap<>();

  TransactionStatements(EngineSession session) {
    this.session = requireNonNull(session, "session is null");
  }

  /** Whether {@code sql} is one of the statements kept prepared here. */
  static boolean reuses(String sql) {
    return REUSED.contains(sql);
  }

  /** Runs one of the kept statements (see {@link #reuses}), preparing it on first use. */
  void execute(String sql) {
    PreparedQuery query = prepared.get(sql);
    if (query == null) {
      query = session.prepare(sql);
      prepared.put(sql, query);
    }
    try (QueryResult result = query.execute(java.util.List.of())) {
      if (result instanceof QueryResult.Rows rows) {
        rows.stream().drain();
      }
    }
  }

  @Override
  public void close() {
    prepared.values().forEach(PreparedQuery::close);
    prepared.clear();
  }
}
