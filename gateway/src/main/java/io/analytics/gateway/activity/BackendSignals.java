package io.analytics.gateway.activity;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code SELECT pg_cancel_backend(pid)} and {@code SELECT pg_terminate_backend(pid)}: the gateway
 * answers them itself, since the sessions are its own, not DuckDB's.
 *
 * @param terminate true for pg_terminate_backend
 */
public record BackendSignals(String function, int pid, boolean terminate) {
  /** The call, when the statement is exactly {@code SELECT pg_cancel_backend(<number>)} (or terminate). */
  public static Optional<BackendSignals> parse(SqlStatement statement) {
    if (statement.size() != 5 || !statement.keyword().equals("SELECT") || statement.token(3).type() != TokenType.NUMBER
        || !statement.token(2).isPunctuation('(') || !statement.token(4).isPunctuation(')')) {
      return Optional.empty();
    }
    String function = statement.token(1).value().toLowerCase(Locale.ROOT);
    if (!function.equals("pg_cancel_backend") && !function.equals("pg_terminate_backend")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BackendSignals(function, Integer.parseInt(statement.token(3).text()), function.equals("pg_terminate_backend")));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
