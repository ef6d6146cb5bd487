package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.gateway.activity.PgStatActivity;
import io.analytics.gateway.activity.SessionActivity;
import io.analytics.gateway.dialect.AnyArrayParameters;
import io.analytics.gateway.dialect.NumericParameters;
import io.analytics.gateway.dialect.PostgresDialect;
import io.analytics.gateway.pgcatalog.LakeCatalogFacts;
import io.analytics.gateway.pgcatalog.PgCatalogObjects;
import io.analytics.gateway.pgcatalog.PgCatalogRewriter;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prepares a client's statement (already checked by the guard) in DuckDB, rewriting what DuckDB
 * would not understand: PostgreSQL catalog syntax, session value calls, parameter casts, and the
 * live relations pg_stat_activity and pg_cursors. Creates the session's catalog objects the first
 * time a statement needs them.
 */
final class ClientQueryPreparer {
  private static final Logger LOG = LoggerFactory.getLogger(ClientQueryPreparer.class);

  private final EngineSession engine;
  private final PlatformConfig config;
  private final PlatformHome home;
  private final SessionValueCalls.Values sessionValues;
  private final String database;
  private final Supplier<List<SessionActivity>> activities;
  private final Supplier<List<PgCursors.Cursor>> cursors;
  private final Consumer<String> checkRewritten;
  private boolean catalogObjectsCreated;
  /** Created inside a transaction not yet committed: they vanish if it rolls back. */
  private boolean catalogObjectsUncommitted;

  ClientQueryPreparer(EngineSession engine, PlatformConfig config, PlatformHome home, SessionValueCalls.Values sessionValues,
      String database, Supplier<List<SessionActivity>> activities, Supplier<List<PgCursors.Cursor>> cursors,
      Consumer<String> checkRewritten) {
    this.engine = requireNonNull(engine, "engine is null");
    this.config = requireNonNull(config, "config is null");
    this.home = requireNonNull(home, "home is null");
    this.sessionValues = requireNonNull(sessionValues, "sessionValues is null");
    this.database = requireNonNull(database, "database is null");
    this.activities = requireNonNull(activities, "activities is null");
    this.cursors = requireNonNull(cursors, "cursors is null");
    this.checkRewritten = requireNonNull(checkRewritten, "checkRewritten is null");
  }

  PreparedQuery prepare(SqlStatement statement, boolean inTransaction) {
    return prepare(statement, List.of(), inTransaction);
  }

  /** As above, for a statement with parameters whose types the client declared in Parse. */
  PreparedQuery prepare(SqlStatement statement, List<Integer> declaredTypes, boolean inTransaction) {
    ensureCatalogObjects(statement, inTransaction);
    SqlStatement effective = SessionValueCalls.rewrite(PostgresDialect.translate(catalogCompatible(statement)), sessionValues);
    effective = AnyArrayParameters.probingWith(engine).apply(effective, declaredTypes);
    effective = NumericParameters.apply(effective, declaredTypes);
    String sql = ParameterCasts.apply(effective, declaredTypes);
    if (PgStatActivity.isReadBy(effective)) {
      sql = PgStatActivity.bind(SqlStatement.parse(sql), activities.get());
    }
    if (PgCursors.isReadBy(effective)) {
      sql = PgCursors.bind(SqlStatement.parse(sql), cursors.get());
    }
    if (!sql.equals(statement.sql())) {
      // What DuckDB runs is checked too, as exactly that text.
      checkRewritten.accept(sql);
    }
    return engine.prepare(sql);
  }

  /** The transaction the catalog objects may have been created in ended. */
  void transactionEnded(boolean committed) {
    if (!committed && catalogObjectsUncommitted) {
      // Rolled back with it: create them again when next needed.
      catalogObjectsCreated = false;
    }
    catalogObjectsUncommitted = false;
  }

  /**
   * Creates the session's catalog objects the first time a statement needs them: most sessions
   * never look at pg_catalog, and creating them costs a few dozen DuckDB statements.
   */
  private void ensureCatalogObjects(SqlStatement statement, boolean inTransaction) {
    if (catalogObjectsCreated || !PgCatalogObjects.neededBy(statement)) {
      return;
    }
    catalogObjectsCreated = true;
    catalogObjectsUncommitted = inTransaction;
    List<LakeCatalogFacts.DatasetFacts> lake = LakeCatalogFacts.collect(
        home, relation -> Long.parseLong(engine.firstColumn("SELECT count(*) FROM " + relation).get(0)));
    for (String sql : PgCatalogObjects.statements(config, database, lake)) {
      try {
        engine.execute(sql);
      } catch (PlatformException e) {
        LOG.warn("catalog object not created for a session of database {}: {}", database, e.getMessage());
      }
    }
  }

  /** The statement with PostgreSQL catalog syntax DuckDB does not parse rewritten (see PgCatalogRewriter). */
  private static SqlStatement catalogCompatible(SqlStatement statement) {
    if (!PgCatalogRewriter.applies(statement)) {
      return statement;
    }
    SqlStatement rewritten = SqlStatement.parse(PgCatalogRewriter.rewrite(statement));
    return new SqlStatement(rewritten.sql(), rewritten.tokens(), statement.offsetInQuery());
  }
}
