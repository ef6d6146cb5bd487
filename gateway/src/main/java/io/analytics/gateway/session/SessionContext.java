package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;

/**
 * The parts of one session that its query handlers and statement runner share: where answers go,
 * the DuckDB connection, parameters, the gateway's own commands, the execution object, the
 * transaction rules, portals and prepared statements, the query preparer and the guard.
 */
record SessionContext(
    ResultReceiver receiver,
    EngineSession engine,
    SessionParameters parameters,
    SessionCommands commands,
    StatementExecution execution,
    TransactionState transactions,
    Portals portals,
    PreparedStatements statements,
    ClientQueryPreparer preparer,
    SessionGuard guard) {
  SessionContext {
    requireNonNull(receiver, "receiver is null");
    requireNonNull(engine, "engine is null");
    requireNonNull(parameters, "parameters is null");
    requireNonNull(commands, "commands is null");
    requireNonNull(execution, "execution is null");
    requireNonNull(transactions, "transactions is null");
    requireNonNull(portals, "portals is null");
    requireNonNull(statements, "statements is null");
    requireNonNull(preparer, "preparer is null");
    requireNonNull(guard, "guard is null");
  }
}
