package io.analytics.gateway.activity;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.time.Instant;
import java.util.List;

/**
 * Answers queries over {@code pg_stat_activity} with the gateway's live sessions: DuckDB knows
 * nothing of them, so the statement is given a CTE of that name holding a snapshot taken now
 * (a {@code pg_catalog.} qualifier is dropped so the name resolves to the CTE). Found by the lexer's
 * tokens, so strings and comments that mention the name are left alone.
 */
public final class PgStatActivity {
  static final String NAME = "pg_stat_activity";
  private static final String COLUMNS = "datid, datname, pid, leader_pid, usesysid, usename, application_name, "
      + "client_addr, client_hostname, client_port, backend_start, xact_start, query_start, state_change, "
      + "wait_event_type, wait_event, state, backend_xid, backend_xmin, query_id, query, backend_type";

  private PgStatActivity() {}

  /** Whether the statement reads pg_stat_activity. */
  public static boolean isReadBy(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (isName(token)) {
        return true;
      }
    }
    return false;
  }

  /** The statement with pg_stat_activity bound to a snapshot of these sessions. */
  public static String bind(SqlStatement statement, List<SessionActivity> sessions) {
    String sql = statement.sql();
    StringBuilder body = new StringBuilder(sql.length() + 256);
    int copied = 0;
    List<Token> tokens = statement.tokens();
    for (int i = 0; i < tokens.size(); i++) {
      if (!isName(tokens.get(i))) {
        continue;
      }
      int start = tokens.get(i).start();
      if (i >= 2 && tokens.get(i - 1).isPunctuation('.') && tokens.get(i - 2).is("pg_catalog")) {
        start = tokens.get(i - 2).start();
      }
      body.append(sql, copied, start).append(NAME);
      copied = tokens.get(i).end();
    }
    body.append(sql, copied, sql.length());
    String cte = NAME + "(" + COLUMNS + ") AS (" + values(sessions) + ")";
    if (statement.keyword().equals("WITH")) {
      int afterWith = statement.keyword(1).equals("RECURSIVE") ? tokens.get(1).end() : tokens.get(0).end();
      return body.substring(0, afterWith) + " " + cte + "," + body.substring(afterWith);
    }
    return "WITH " + cte + " " + body;
  }

  private static String values(List<SessionActivity> sessions) {
    StringBuilder values = new StringBuilder("SELECT * FROM (VALUES ");
    for (int i = 0; i < sessions.size(); i++) {
      SessionActivity s = sessions.get(i);
      values.append(i == 0 ? "" : ", ").append('(')
          .append("CAST(1 AS INTEGER), ").append(text(s.database())).append(", CAST(").append(s.pid()).append(" AS INTEGER), ")
          .append("CAST(NULL AS INTEGER), CAST(10 AS INTEGER), ").append(text(s.user())).append(", ")
          .append(text(s.applicationName())).append(", ").append(text(s.clientAddress())).append(", CAST(NULL AS VARCHAR), ")
          .append("CAST(NULL AS INTEGER), ").append(time(s.backendStart())).append(", ").append(time(s.transactionStart()))
          .append(", ").append(time(s.queryStart())).append(", ").append(time(s.queryStart())).append(", ")
          .append("CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), ").append(text(s.state())).append(", ")
          .append("CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), CAST(NULL AS BIGINT), ").append(text(s.query()))
          .append(", 'client backend')");
    }
    return values.append(")").toString();
  }

  private static String text(String value) {
    return value == null ? "CAST(NULL AS VARCHAR)" : "CAST('" + value.replace("'", "''") + "' AS VARCHAR)";
  }

  private static String time(Instant value) {
    return value == null ? "CAST(NULL AS TIMESTAMPTZ)" : "CAST('" + value + "' AS TIMESTAMPTZ)";
  }

  private static boolean isName(Token token) {
    return (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER)
        && token.value().equalsIgnoreCase(NAME);
  }
}
