package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Set;

/**
 * Tells why running a write again would not reproduce it: a call to a volatile function (sequences
 * and random values never repeat; DuckDB's now() is the start of the new transaction), or an INSERT
 * into a table whose column defaults call one (serial keys). Conservative: a table name matching in
 * any schema counts.
 */
final class ReplayHazards {
  private static final Set<String> VOLATILE_CALLS = Set.of(
      "nextval", "currval", "setval", "random", "setseed", "uuid", "gen_random_uuid", "uuidv4", "uuidv7", "now",
      "transaction_timestamp", "statement_timestamp", "clock_timestamp", "get_current_timestamp", "get_current_time",
      "timeofday", "current_localtimestamp", "current_localtime");
  /** SQL's niladic functions, written without parentheses. */
  private static final Set<String> VOLATILE_WORDS = Set.of(
      "current_timestamp", "current_time", "current_date", "localtimestamp", "localtime");
  private static final String VOLATILE_DEFAULT =
      "nextval|random|uuid|now\\(|current_|transaction_timestamp|get_current|statement_timestamp|clock_timestamp";

  private final EngineSession engine;

  ReplayHazards(EngineSession engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  /** Why a replay of this write would differ, or null when it would not. */
  String of(SqlStatement statement) {
    for (int i = 0; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.type() != TokenType.WORD) {
        continue;
      }
      String word = token.value();
      boolean call = i + 1 < statement.size() && statement.token(i + 1).isPunctuation('(');
      if ((call && VOLATILE_CALLS.contains(word)) || VOLATILE_WORDS.contains(word)) {
        return "a call of the volatile function " + word + "()";
      }
    }
    String table = statement.keyword().equals("INSERT") ? WrittenTable.of(statement) : "";
    if (!table.isEmpty() && hasVolatileDefault(table)) {
      return "an INSERT into " + table + ", whose column defaults draw new values (a serial key or a volatile function)";
    }
    return null;
  }

  private boolean hasVolatileDefault(String table) {
    return !engine.firstColumn(
        "SELECT 1 FROM duckdb_columns() WHERE lower(table_name) = ? AND regexp_matches(lower(column_default), ?) LIMIT 1",
        table, VOLATILE_DEFAULT).isEmpty();
  }

}
