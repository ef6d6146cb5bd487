package io.analytics.gateway.activity;

import io.analytics.gateway.sql.LiveRelation;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;

/**
 * Answers queries over {@code pg_stat_activity} with the gateway's live sessions: DuckDB knows
 * nothing of them, so the statement is given a CTE of that name holding a snapshot taken now
 * (see {@link LiveRelation}).
 */
public final class PgStatActivity {
  static final String NAME = "pg_stat_activity";
  private static final String COLUMNS = "datid, datname, pid, leader_pid, usesysid, usename, application_name, "
      + "client_addr, client_hostname, client_port, backend_start, xact_start, query_start, state_change, "
      + "wait_event_type, wait_event, state, backend_xid, backend_xmin, query_id, query, backend_type";

  private PgStatActivity() {}

  /** Whether the statement reads pg_stat_activity. */
  public static boolean isReadBy(SqlStatement statement) {
    return LiveRelation.isReadBy(statement, NAME);
  }

  /** The statement with pg_stat_activity bound to a snapshot of these sessions. */
  public static String bind(SqlStatement statement, List<SessionActivity> sessions) {
    return LiveRelation.bind(statement, NAME, COLUMNS, values(sessions));
  }

  private static String values(List<SessionActivity> sessions) {
    StringBuilder values = new StringBuilder("SELECT * FROM (VALUES ");
    for (int i = 0; i < sessions.size(); i++) {
      SessionActivity s = sessions.get(i);
      values.append(i == 0 ? "" : ", ").append('(')
          .append("CAST(1 AS INTEGER), ").append(LiveRelation.text(s.database())).append(", CAST(").append(s.pid()).append(" AS INTEGER), ")
          .append("CAST(NULL AS INTEGER), CAST(10 AS INTEGER), ").append(LiveRelation.text(s.user())).append(", ")
          .append(LiveRelation.text(s.applicationName())).append(", ").append(LiveRelation.text(s.clientAddress())).append(", CAST(NULL AS VARCHAR), ")
          .append("CAST(NULL AS INTEGER), ").append(LiveRelation.time(s.backendStart())).append(", ").append(LiveRelation.time(s.transactionStart()))
          .append(", ").append(LiveRelation.time(s.queryStart())).append(", ").append(LiveRelation.time(s.queryStart())).append(", ")
          .append("CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), ").append(LiveRelation.text(s.state())).append(", ")
          .append("CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT), ").append(LiveRelation.text(s.query()))
          .append(", 'client backend')");
    }
    return values.append(")").toString();
  }

}
