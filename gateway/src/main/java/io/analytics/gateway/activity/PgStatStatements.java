package io.analytics.gateway.activity;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.LiveRelation;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * Answers {@code pg_stat_statements} from the gateway's {@link StatementStatistics}, bound into the
 * statement as a snapshot taken now (see {@link LiveRelation}), with PostgreSQL 15's columns (the
 * planning, block, WAL and JIT figures DuckDB does not report are 0). As in PostgreSQL, only
 * administrators see other users' statement text. {@code pg_stat_statements_reset()} empties it.
 */
public final class PgStatStatements {
  static final String NAME = "pg_stat_statements";
  private static final String RESET = "pg_stat_statements_reset";
  private static final String COLUMNS = "userid, dbid, toplevel, queryid, query, plans, total_plan_time, min_plan_time, "
      + "max_plan_time, mean_plan_time, stddev_plan_time, calls, total_exec_time, min_exec_time, max_exec_time, "
      + "mean_exec_time, stddev_exec_time, rows, shared_blks_hit, shared_blks_read, shared_blks_dirtied, "
      + "shared_blks_written, local_blks_hit, local_blks_read, local_blks_dirtied, local_blks_written, temp_blks_read, "
      + "temp_blks_written, blk_read_time, blk_write_time, temp_blk_read_time, temp_blk_write_time, wal_records, wal_fpi, "
      + "wal_bytes, jit_functions, jit_generation_time, jit_inlining_count, jit_inlining_time, jit_optimization_count, "
      + "jit_optimization_time, jit_emission_count, jit_emission_time";
  private static final String D0 = "CAST(0 AS DOUBLE)";
  private static final String ZEROS = "CAST(0 AS BIGINT), " + String.join(", ", java.util.Collections.nCopies(5, D0));

  private PgStatStatements() {}

  /** The statement with pg_stat_statements_reset() applied and pg_stat_statements bound, if it uses them. */
  public static String prepare(SqlStatement statement, StatementStatistics statistics, String user, boolean administrator) {
    SqlStatement afterReset = SqlStatement.parse(applyReset(statement, statistics, administrator));
    return LiveRelation.isReadBy(afterReset, NAME) ? bind(afterReset, statistics.snapshot(), user, administrator) : afterReset.sql();
  }

  /**
   * Resets the statistics if the statement calls pg_stat_statements_reset() (administrators only,
   * 42501 otherwise, as PostgreSQL grants it to superusers), and returns the statement with the call
   * replaced by its void result.
   */
  public static String applyReset(SqlStatement statement, StatementStatistics statistics, boolean administrator) {
    List<Token> tokens = statement.tokens();
    StringBuilder sql = new StringBuilder();
    int copied = 0;
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() != TokenType.WORD || !token.value().equals(RESET) || !tokens.get(i + 1).isPunctuation('(')) {
        continue;
      }
      if (!administrator) {
        throw new PlatformException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for function " + RESET);
      }
      int close = i + 1;
      while (close < tokens.size() && !tokens.get(close).isPunctuation(')')) {
        close++;
      }
      statistics.reset();
      int start = i >= 2 && tokens.get(i - 1).isPunctuation('.') ? tokens.get(i - 2).start() : token.start();
      sql.append(statement.sql(), copied, start).append("CAST('' AS VARCHAR)");
      copied = close < tokens.size() ? tokens.get(close).end() : statement.sql().length();
    }
    return copied == 0 ? statement.sql() : sql.append(statement.sql(), copied, statement.sql().length()).toString();
  }

  /** The statement with pg_stat_statements bound to the statistics {@code user} may see. */
  public static String bind(SqlStatement statement, List<StatementStatistics.Snapshot> snapshots, String user, boolean administrator) {
    StringBuilder rows = new StringBuilder("SELECT * FROM (VALUES ");
    rows.append("(CAST(NULL AS BIGINT), CAST(NULL AS BIGINT), true, CAST(NULL AS BIGINT), CAST(NULL AS VARCHAR), ").append(ZEROS)
        .append(", CAST(0 AS BIGINT), ").append(String.join(", ", java.util.Collections.nCopies(5, D0))).append(", CAST(0 AS BIGINT)").append(zeroBlocks()).append(')');
    for (StatementStatistics.Snapshot s : snapshots) {
      boolean visible = administrator || s.user().equals(user);
      rows.append(", (CAST((SELECT oid FROM pg_roles WHERE rolname = ").append(LiveRelation.text(s.user()))
          .append(" LIMIT 1) AS BIGINT), CAST(1 AS BIGINT), true, CAST(").append(s.queryId()).append(" AS BIGINT), ")
          .append(LiveRelation.text(visible ? s.query() : "<insufficient privilege>")).append(", ").append(ZEROS).append(", CAST(")
          .append(s.calls()).append(" AS BIGINT), ").append(number(s.totalMillis())).append(", ").append(number(s.minMillis()))
          .append(", ").append(number(s.maxMillis())).append(", ").append(number(s.meanMillis())).append(", ")
          .append(number(s.stddevMillis())).append(", CAST(").append(s.rows()).append(" AS BIGINT)").append(zeroBlocks()).append(')');
    }
    rows.append(") t(").append(COLUMNS).append(") WHERE queryid IS NOT NULL");
    return LiveRelation.bind(statement, NAME, COLUMNS, rows.toString());
  }

  private static String number(double value) {
    return "CAST(" + value + " AS DOUBLE)";
  }

  /** shared_blks_hit through jit_emission_time: nothing DuckDB reports. */
  private static String zeroBlocks() {
    String b0 = "CAST(0 AS BIGINT), ";
    return ", " + b0.repeat(10) + (D0 + ", ").repeat(4) + b0 + b0 + "CAST(0 AS DECIMAL(38,0)), "
        + b0 + D0 + ", " + b0 + D0 + ", " + b0 + D0 + ", " + b0 + D0;
  }
}
