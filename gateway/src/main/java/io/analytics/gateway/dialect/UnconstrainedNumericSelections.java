package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The rows of {@code INSERT INTO t [(cols)] SELECT ...} (or {@code WITH ...}, {@code TABLE ...}) headed for a
 * column declared {@code numeric} without precision are checked row by row, as {@link
 * UnconstrainedNumericExpressions} checks INSERT ... VALUES: DuckDB's cast to the column's DECIMAL(38,10) rounded a
 * value of more decimals (a numeric(20,15) column, a double) without a word, where PostgreSQL keeps every digit. The
 * query becomes {@code SELECT #1, checked(#2), ... FROM (query) pg_inserted}, checking by position the columns whose
 * target is such a column. The target's column types and the query's width come from two never-run probes, only for
 * INSERT ... SELECT statements; a table without such a column costs one.
 */
public final class UnconstrainedNumericSelections {
  private final Function<String, List<String>> columnTypes;

  /** @param columnTypes the DuckDB types of the result columns of a query (prepared, never run) */
  public UnconstrainedNumericSelections(Function<String, List<String>> columnTypes) {
    this.columnTypes = requireNonNull(columnTypes, "columnTypes is null");
  }

  /** Probes with the session's own DuckDB connection, where the statement's tables are visible. */
  public static UnconstrainedNumericSelections probingWith(EngineSession engine) {
    return new UnconstrainedNumericSelections(resultTypes(engine));
  }

  /** The DuckDB types of a query's result columns, prepared (never run) with the session's connection. */
  public static Function<String, List<String>> resultTypes(EngineSession engine) {
    requireNonNull(engine, "engine is null");
    return sql -> {
      try (PreparedQuery query = engine.prepare(sql)) {
        return query.columns().stream().map(ResultColumn::duckDbType).toList();
      }
    };
  }

  public SqlStatement apply(SqlStatement statement) {
    Target target = target(statement);
    if (target == null) {
      return statement;
    }
    String sql = statement.sql();
    String query = sql.substring(statement.token(target.queryStart()).start(), statement.token(target.queryEnd() - 1).end());
    List<String> targetTypes;
    List<String> queryTypes;
    try {
      targetTypes = columnTypes.apply("SELECT " + target.columns() + " FROM " + target.table() + " LIMIT 0");
      if (targetTypes.stream().noneMatch(UnconstrainedNumericValues::isUnconstrained)) {
        return statement;
      }
      queryTypes = columnTypes.apply("SELECT * FROM (" + query + ") pg_inserted LIMIT 0");
    } catch (RuntimeException e) {
      return statement; // DuckDB reports what is wrong with the statement itself when it runs
    }
    StringJoiner items = new StringJoiner(", ");
    for (int i = 1; i <= queryTypes.size(); i++) {
      boolean checked = i <= targetTypes.size() && UnconstrainedNumericValues.isUnconstrained(targetTypes.get(i - 1));
      items.add(checked ? UnconstrainedNumericExpressions.checkedValue("#" + i) : "#" + i);
    }
    TokenEdits edits = new TokenEdits(statement);
    edits.replace(statement.token(target.queryStart()).start(), statement.token(target.queryEnd() - 1).end(),
        "SELECT " + items + " FROM (" + query + ") pg_inserted");
    return edits.result();
  }

  /** The table, its column list ({@code *} for none) and the token span of the query. */
  private record Target(String table, String columns, int queryStart, int queryEnd) {}

  private static Target target(SqlStatement statement) {
    InsertTarget insert = InsertTarget.of(statement);
    List<Token> tokens = statement.tokens();
    if (insert == null || insert.next() >= tokens.size()) {
      return null;
    }
    Token first = tokens.get(insert.next());
    if (!(first.is("SELECT") || first.is("WITH") || first.is("TABLE"))) {
      return null;
    }
    return new Target(insert.table(), insert.columns(), insert.next(), queryEnd(tokens, insert.next()));
  }

  /** The token after the query: a top-level RETURNING, ON CONFLICT or semicolon, or the end. */
  private static int queryEnd(List<Token> tokens, int start) {
    int depth = 0;
    for (int i = start; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.isPunctuation('(')) {
        depth++;
      } else if (token.isPunctuation(')')) {
        depth--;
      } else if (depth == 0 && (token.type() == TokenType.SEMICOLON || token.is("RETURNING")
          || (token.is("ON") && i + 1 < tokens.size() && tokens.get(i + 1).is("CONFLICT")))) {
        return i;
      }
    }
    return tokens.size();
  }
}
