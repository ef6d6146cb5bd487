package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.security.ReadOnlyGuard;
import io.analytics.gateway.security.Role;
import io.analytics.gateway.security.StatementGuard;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.StatementFingerprint;
import java.net.InetAddress;
import io.analytics.gateway.sql.StatementSplitter;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks each client statement before it runs: against the login's role (the {@link StatementGuard}),
 * and on a read replica against writes first; a refusal is logged and raised (42501, or 25006 for a
 * write on a replica). The statement's audit clock starts here, so a refusal is audited too.
 */
final class SessionGuard {
  private static final Logger LOG = LoggerFactory.getLogger(SessionGuard.class);

  private final StatementGuard guard;
  private final boolean replica;
  private final StatementExecution execution;
  private final String user;
  private final InetAddress clientAddress;
  /** Checks that must come before the role guard's (read-only transactions, then the wait for a write turn). */
  private final java.util.function.Consumer<SqlStatement> beforeRoleCheck;
  /** Rewrites the client's whole text before it is split (mirrored sources' names). */
  private final java.util.function.UnaryOperator<String> beforeSplit;

  SessionGuard(StatementGuard guard, boolean replica, StatementExecution execution, String user, InetAddress clientAddress,
      java.util.function.Consumer<SqlStatement> beforeRoleCheck, java.util.function.UnaryOperator<String> beforeSplit) {
    this.beforeSplit = requireNonNull(beforeSplit, "beforeSplit is null");
    this.beforeRoleCheck = requireNonNull(beforeRoleCheck, "beforeRoleCheck is null");
    this.guard = requireNonNull(guard, "guard is null");
    this.replica = replica;
    this.execution = requireNonNull(execution, "execution is null");
    this.user = requireNonNull(user, "user is null");
    this.clientAddress = requireNonNull(clientAddress, "clientAddress is null");
  }

  /** The login's role, decided once when the session opened. */
  Role role() {
    return guard.role();
  }

  /** The schema unqualified names resolve in first, as the role guard needs to know. */
  static String firstSchemaOnSearchPath(SessionParameters parameters) {
    String path = parameters.get("search_path");
    for (String part : path.split(",")) {
      String schema = part.strip().replace("\"", "");
      if (!schema.isEmpty() && !schema.equals("$user")) {
        return schema.equals("public") ? "main" : schema;
      }
    }
    return "main";
  }

  void check(SqlStatement statement) {
    check(statement, statement);
  }

  /**
   * @param asRoleSeesIt what the role guard checks: for a COPY, the statement it amounts to (the
   *     read-only check names the COPY itself, as PostgreSQL does)
   */
  void check(SqlStatement statement, SqlStatement asRoleSeesIt) {
    execution.begin(asRoleSeesIt);
    checkOnly(statement, asRoleSeesIt);
  }

  /** The text DuckDB is about to run, after the gateway's rewrites: checked again, as exactly that text. */
  void checkRewritten(String sql) {
    SqlStatement text = SqlStatement.parse(sql);
    checkOnly(text, text);
  }

  /** The client's text split into statements; a text the lexer rejects is audited, whole, before the error. */
  List<SqlStatement> split(String clientText) {
    String sql = beforeSplit.apply(clientText);
    try {
      return StatementSplitter.split(sql);
    } catch (PlatformException e) {
      PlatformException refusal = StatementGuard.lexerDisagreement(sql).orElse(e);
      execution.log().unsplittable(sql, refusal.sqlState().code());
      throw refusal;
    }
  }

  private void checkOnly(SqlStatement statement, SqlStatement asRoleSeesIt) {
    try {
      if (replica) {
        ReadOnlyGuard.check(statement);
      }
      // Before the role guard's catalog lookups, which would start DuckDB's snapshot of the transaction.
      beforeRoleCheck.accept(statement);
      guard.check(asRoleSeesIt);
    } catch (PlatformException e) {
      execution.refused(statement.sql());
      LOG.warn("refused for {}@{} (role {}): {} -- {}", user, clientAddress.getHostAddress(), guard.role().sqlName(),
          e.getMessage(), StatementFingerprint.of(statement));
      throw e;
    }
  }

  /**
   * The checks for commands the gateway answers itself: EXPLAIN is checked like the statement it
   * explains, and role app, which reads only the gold layer, may not put anything else on its search path.
   */
  void checkCommand(SessionCommand command) {
    if (command instanceof SessionCommand.Explain explain) {
      check(SqlStatement.parse(explain.sql()));
      return;
    }
    SessionCommand.SetParameter set = command instanceof SessionCommand.SetConfig setConfig
        ? new SessionCommand.SetParameter(setConfig.name(), setConfig.value())
        : command instanceof SessionCommand.SetParameter setParameter ? setParameter : null;
    if (guard.role() != Role.APP || set == null || !set.name().equalsIgnoreCase("search_path") || set.value() == null) {
      return;
    }
    for (String part : set.value().split(",")) {
      String schema = part.strip().replace("\"", "").replace("'", "").toLowerCase(Locale.ROOT);
      if (!schema.isEmpty() && !schema.equals("gold") && !schema.equals("pg_catalog") && !schema.equals("information_schema")) {
        LOG.warn("refused for {}@{} (role app): search_path {}", user, clientAddress.getHostAddress(), set.value());
        throw new PlatformException(SqlState.INSUFFICIENT_PRIVILEGE, "permission denied for schema " + schema + " (role app reads only the gold layer)");
      }
    }
  }
}
