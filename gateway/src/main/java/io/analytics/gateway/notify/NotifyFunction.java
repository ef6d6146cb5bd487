package io.analytics.gateway.notify;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.sessionstate.DatabaseFunctions;
import io.analytics.gateway.sessionstate.SessionCreatedObjects;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.sql.SQLException;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBScalarFunctionBuilder;
import org.duckdb.DuckDBWritableVector;

/**
 * pg_notify(channel, payload) wherever a query calls it, with parameters or over rows ({@code SELECT
 * pg_notify('ch', id::text) FROM t}): a Java function in DuckDB, {@value #FUNCTION}(token, channel,
 * payload), volatile so that DuckDB calls it once per row at execution and never folds it while
 * preparing; and per session a TEMP macro pg_notify that passes the session's token, so each call
 * queues its notification in the calling session (sent as that session's NOTIFY would be). The
 * function is registered once per DuckDB database, the macro the first time a session's statement
 * names pg_notify, and again after a rollback of the transaction that created it. Its column is of
 * type void, as PostgreSQL's.
 */
public final class NotifyFunction {
  static final String FUNCTION = "pg_notify_send";

  private final SessionNotifications session;
  private final SessionCreatedObjects macro = new SessionCreatedObjects();

  public NotifyFunction(SessionNotifications session) {
    this.session = requireNonNull(session, "session is null");
  }

  /** Creates the function and the session's macro if {@code statement} calls pg_notify and they are not there yet. */
  public void ensureFor(SqlStatement statement, boolean inTransaction, EngineSession engine) {
    if (macro.created() || !callsPgNotify(statement)) {
      return;
    }
    macro.ensure(inTransaction, () -> {
      DatabaseFunctions.registerOnce(engine, FUNCTION, connection -> register(connection, session.hub()));
      // The union's tag makes the column void (2278) in RowDescription, as PostgreSQL's pg_notify (see types.VoidType).
      engine.execute("CREATE OR REPLACE TEMP MACRO pg_notify(channel, payload) AS union_value(void := " + FUNCTION + "("
          + session.queryToken() + ", channel, payload))");
    });
  }

  /** The transaction ended: a macro created in a transaction that rolled back is gone. */
  public void transactionEnded(boolean committed) {
    if (committed) {
      macro.committed();
    } else {
      macro.rolledBack();
    }
  }

  static boolean callsPgNotify(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.type() == TokenType.WORD && token.text().equalsIgnoreCase("pg_notify")) {
        return true;
      }
    }
    return false;
  }

  private static void register(DuckDBConnection connection, NotificationHub hub) throws SQLException {
    requireNonNull(hub, "hub is null");
    try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
      builder.withName(FUNCTION)
          .withParameter(DuckDBColumnType.BIGINT).withParameter(DuckDBColumnType.VARCHAR).withParameter(DuckDBColumnType.VARCHAR)
          .withReturnType(DuckDBColumnType.VARCHAR)
          .withVolatile()
          .withVectorizedFunction((input, output) -> send(hub, input, output))
          .register(connection);
    }
  }

  /** One chunk of rows: each row's notification queued in its session; the result is PostgreSQL's void, empty text. */
  private static void send(NotificationHub hub, DuckDBDataChunkReader input, DuckDBWritableVector output) {
    DuckDBReadableVector tokens = input.vector(0);
    DuckDBReadableVector channels = input.vector(1);
    DuckDBReadableVector payloads = input.vector(2);
    for (long row = 0; row < input.rowCount(); row++) {
      try {
        hub.notifyFromQuery(tokens.getLong(row), channels.isNull(row) ? null : channels.getString(row),
            payloads.isNull(row) ? null : payloads.getString(row));
      } catch (PlatformException e) {
        // DuckDB reports the exception's message; DuckDbErrors reads the SQLSTATE from its prefix.
        throw new IllegalArgumentException("[" + e.sqlState().code() + "] " + e.getMessage(), e);
      }
      output.setString(row, "");
    }
  }
}
