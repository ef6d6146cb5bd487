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
  private final java.util.function.Predicate<SqlStatement> rewriteNeedsCheck;
  private final io.analytics.gateway.functions.SessionFunctionMacros functionMacros =
      new io.analytics.gateway.functions.SessionFunctionMacros();
  private final io.analytics.gateway.functions.TableFunctionNames tableFunctions;
  private final io.analytics.gateway.json.SessionJsonSupport jsonSupport = new io.analytics.gateway.json.SessionJsonSupport();
  /** pg_stat_statements as the login may see it: its own statements, or everyone's for an admin. */
  private final io.analytics.gateway.activity.StatementStatistics statementStatistics;
  private final String user;
  private final boolean administers;
  private final StatementPipeline pipeline;
  private final io.analytics.gateway.dialect.UnconstrainedNumericLiterals unconstrainedLiterals;
  private final io.analytics.gateway.dialect.UnconstrainedNumericExpressions unconstrainedExpressions;
  private final io.analytics.gateway.dialect.UnconstrainedNumericSelections unconstrainedSelections;
  private final io.analytics.gateway.dialect.UnconstrainedNumericConflictUpdates unconstrainedConflictUpdates;
  private final io.analytics.gateway.dialect.StoredCharacterLiterals storedCharacterLiterals;
  private final io.analytics.gateway.dialect.StoredDateTimeLiterals storedDateTimeLiterals;
  private final io.analytics.gateway.dialect.StoredArrayLiterals storedArrayLiterals;
  private final io.analytics.gateway.dialect.NaturalJoinColumnOrder naturalJoinColumnOrder;
  private boolean catalogObjectsCreated;
  /** pg_notify() in queries; set when the session has started (see {@link #notificationsStarted}). */
  private io.analytics.gateway.notify.NotifyFunction notifyFunction;
  /** Created inside a transaction not yet committed: they vanish if it rolls back. */
  private boolean catalogObjectsUncommitted;

  ClientQueryPreparer(EngineSession engine, PlatformConfig config, PlatformHome home, SessionValueCalls.Values sessionValues,
      String database, Supplier<List<SessionActivity>> activities, Supplier<List<PgCursors.Cursor>> cursors,
      Consumer<String> checkRewritten, io.analytics.gateway.activity.StatementStatistics statementStatistics, String user,
      boolean administers, java.util.function.Predicate<SqlStatement> rewriteNeedsCheck) {
    this.rewriteNeedsCheck = requireNonNull(rewriteNeedsCheck, "rewriteNeedsCheck is null");
    this.engine = requireNonNull(engine, "engine is null");
    this.config = requireNonNull(config, "config is null");
    this.home = requireNonNull(home, "home is null");
    this.sessionValues = requireNonNull(sessionValues, "sessionValues is null");
    this.database = requireNonNull(database, "database is null");
    this.activities = requireNonNull(activities, "activities is null");
    this.cursors = requireNonNull(cursors, "cursors is null");
    this.checkRewritten = requireNonNull(checkRewritten, "checkRewritten is null");
    this.statementStatistics = requireNonNull(statementStatistics, "statementStatistics is null");
    this.user = requireNonNull(user, "user is null");
    this.administers = administers;
    this.tableFunctions = new io.analytics.gateway.functions.TableFunctionNames(
        () -> engine.firstColumn(io.analytics.gateway.functions.TableFunctionNames.QUERY));
    this.unconstrainedLiterals = io.analytics.gateway.dialect.UnconstrainedNumericLiterals.probingWith(engine);
    this.unconstrainedExpressions = io.analytics.gateway.dialect.UnconstrainedNumericExpressions.probingWith(engine);
    this.unconstrainedSelections = io.analytics.gateway.dialect.UnconstrainedNumericSelections.probingWith(engine);
    this.unconstrainedConflictUpdates = new io.analytics.gateway.dialect.UnconstrainedNumericConflictUpdates(
        io.analytics.gateway.dialect.UnconstrainedNumericSelections.resultTypes(engine));
    this.storedCharacterLiterals = new io.analytics.gateway.dialect.StoredCharacterLiterals(
        new io.analytics.gateway.columns.DeclaredTableColumns(engine));
    this.storedDateTimeLiterals = io.analytics.gateway.dialect.StoredDateTimeLiterals.probingWith(engine);
    this.storedArrayLiterals = io.analytics.gateway.dialect.StoredArrayLiterals.probingWith(engine);
    this.naturalJoinColumnOrder = io.analytics.gateway.dialect.NaturalJoinColumnOrder.probingWith(engine);
    this.pipeline = new StatementPipeline(stages());
  }

  /**
   * The translations from PostgreSQL's dialect to DuckDB's, in order; the last ones cast the
   * parameters to their declared types and bind the live relations (see {@link #LIVE_RELATIONS}).
   */
  List<StatementPipeline.Stage> stages() {
    return List.of(
        new StatementPipeline.Stage("postgres-ddl", (statement, types) -> translatedDdl(statement)),
        new StatementPipeline.Stage("catalog-syntax", (statement, types) -> catalogCompatible(statement)),
        new StatementPipeline.Stage("format-calls", (statement, types) -> io.analytics.gateway.functions.PgFormatCalls.rewrite(statement)),
        new StatementPipeline.Stage("date-literals", (statement, types) ->
            io.analytics.gateway.dialect.DateLiterals.forDateStyle(sessionValues.parameters().get("DateStyle")).apply(statement)),
        new StatementPipeline.Stage("postgres-dialect", (statement, types) -> PostgresDialect.translate(statement)),
        new StatementPipeline.Stage("natural-join-column-order", (statement, types) -> naturalJoinColumnOrder.apply(statement)),
        new StatementPipeline.Stage("stored-character-literals", (statement, types) -> storedCharacterLiterals.apply(statement)),
        new StatementPipeline.Stage("stored-date-time-literals", (statement, types) ->
            storedDateTimeLiterals.apply(statement, sessionValues.parameters().get("DateStyle"))),
        new StatementPipeline.Stage("stored-array-literals", (statement, types) -> storedArrayLiterals.apply(statement)),
        new StatementPipeline.Stage("session-macros", (statement, types) -> PostgresDialect.translateWithSessionMacros(statement)),
        new StatementPipeline.Stage("session-values", (statement, types) -> SessionValueCalls.rewrite(statement, sessionValues)),
        new StatementPipeline.Stage("scalar-calls-in-from", (statement, types) ->
            io.analytics.gateway.functions.ScalarCallsInFrom.mayApply(statement)
                ? io.analytics.gateway.functions.ScalarCallsInFrom.rewrite(statement, tableFunctions) : statement),
        new StatementPipeline.Stage("any-array-parameters", (statement, types) -> AnyArrayParameters.probingWith(engine).apply(statement, types)),
        new StatementPipeline.Stage("numeric-parameters", NumericParameters::apply),
        new StatementPipeline.Stage("unconstrained-numeric-literals", (statement, types) -> unconstrainedLiterals.apply(statement)),
        new StatementPipeline.Stage("unconstrained-numeric-expressions", (statement, types) -> unconstrainedExpressions.apply(statement)),
        new StatementPipeline.Stage("unconstrained-numeric-selections", (statement, types) ->
            unconstrainedConflictUpdates.apply(unconstrainedSelections.apply(statement))),
        new StatementPipeline.Stage("parameter-casts", (statement, types) -> withText(statement, ParameterCasts.apply(statement, types))),
        new StatementPipeline.Stage("pg-stat-activity", (statement, types) -> !PgStatActivity.isReadBy(statement) ? statement
            : bound(statement, PgStatActivity.bind(statement, activities.get()))),
        new StatementPipeline.Stage("pg-cursors", (statement, types) -> !PgCursors.isReadBy(statement) ? statement
            : bound(statement, PgCursors.bind(statement, cursors.get()))),
        new StatementPipeline.Stage("pg-stat-statements", (statement, types) -> !statement.sql().contains("pg_stat_statements")
            ? statement : bound(statement, io.analytics.gateway.activity.PgStatStatements.prepare(
                statement, statementStatistics, user, administers))));
  }

  /**
   * The stages that bind a live relation's rows into the statement as values: a plan prepared with
   * them is not kept, since the rows are those of this moment.
   */
  static final java.util.Set<String> LIVE_RELATIONS = java.util.Set.of("pg-stat-activity", "pg-cursors", "pg-stat-statements");

  /** The statement as {@code sql}, where it starts in the client's query kept; itself when the text is the same. */
  private static SqlStatement withText(SqlStatement statement, String sql) {
    return sql.equals(statement.sql()) ? statement : bound(statement, sql);
  }

  /** The statement as {@code sql} (a new statement even when the text is the same: the live rows were read). */
  private static SqlStatement bound(SqlStatement statement, String sql) {
    return new SqlStatement(sql, SqlStatement.parse(sql).tokens(), statement.offsetInQuery());
  }

  PreparedQuery prepare(SqlStatement statement, boolean inTransaction) {
    return prepare(statement, List.of(), inTransaction);
  }

  /** As above, for a statement with parameters whose types the client declared in Parse. */
  PreparedQuery prepare(SqlStatement statement, List<Integer> declaredTypes, boolean inTransaction) {
    ensureCatalogObjects(statement, inTransaction);
    functionMacros.ensureFor(statement, inTransaction, engine);
    jsonSupport.ensureFor(statement, inTransaction, engine);
    if (notifyFunction != null) {
      notifyFunction.ensureFor(statement, inTransaction, engine);
    }
    StatementPipeline.Translated translated = pipeline.run(statement, declaredTypes);
    String sql = translated.statement().sql();
    boolean liveValues = translated.changedBy().stream().anyMatch(LIVE_RELATIONS::contains);
    if (!sql.equals(statement.sql()) && rewriteNeedsCheck.test(statement)) {
      // What DuckDB runs is checked too, as exactly that text.
      checkRewritten.accept(sql);
    }
    try {
      if (!liveValues && isSelect(sql)) {
        // Repeated SELECTs reuse DuckDB's plan while the catalog and the session's settings stay as they were.
        return engine.prepareKept(sql, sessionValues.parameters().all());
      }
      return engine.prepare(sql);
    } catch (PlatformException e) {
      String resolved = io.analytics.gateway.dialect.JsonbOperatorResolution.resolve(sql, e, this::prepareError);
      if (resolved == null) {
        // DuckDB's position is in the text it ran; the client's caret belongs under its own text.
        throw io.analytics.gateway.errors.ErrorPositions.inClientText(e, sql, statement.sql());
      }
      if (rewriteNeedsCheck.test(statement)) {
        checkRewritten.accept(resolved);
      }
      return engine.prepare(resolved);
    }
  }

  private PlatformException prepareError(String sql) {
    try (PreparedQuery ignored = engine.prepare(sql)) {
      return null;
    } catch (PlatformException e) {
      return e;
    }
  }

  /**
   * Whether DuckDB's parser reads the text as one SELECT (json_serialize_sql serializes nothing
   * else); its tree is remembered per instance and is needed again to name the result's columns.
   */
  private boolean isSelect(String sql) {
    return !engine.parseTree(sql).startsWith("{\"error\":true");
  }

  /**
   * The statement with PostgreSQL DDL DuckDB lacks translated (see PgDdl). A translation into several
   * statements (a sequence before its table, one DROP per object) checks every part as DuckDB will
   * read it, runs all but the last now, and returns the last.
   */
  private SqlStatement translatedDdl(SqlStatement statement) {
    SqlStatement translated = io.analytics.gateway.dialect.PgDdl.translate(statement);
    if (translated == statement) {
      return statement;
    }
    List<SqlStatement> parts = io.analytics.gateway.sql.StatementSplitter.split(translated.sql());
    // Every part is checked before the first runs, so a refused table leaves no sequence behind;
    // the last is checked again as the text DuckDB prepares, after the later rewrites.
    for (SqlStatement part : parts) {
      checkRewritten.accept(part.sql());
    }
    for (int i = 0; i < parts.size() - 1; i++) {
      engine.execute(parts.get(i).sql());
    }
    String last = parts.get(parts.size() - 1).sql();
    return new SqlStatement(last, SqlStatement.parse(last).tokens(), statement.offsetInQuery());
  }

  /** The transaction the catalog objects may have been created in ended. */
  void notificationsStarted(io.analytics.gateway.notify.NotifyFunction notifyFunction) {
    this.notifyFunction = notifyFunction;
  }

  void transactionEnded(boolean committed) {
    if (notifyFunction != null) {
      notifyFunction.transactionEnded(committed);
    }
    if (!committed) {
      functionMacros.rolledBack();
      jsonSupport.rolledBack();
    }
    functionMacros.committed();
    jsonSupport.committed();
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
  void ensureCatalogObjects(SqlStatement statement, boolean inTransaction) {
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
    return bound(statement, PgCatalogRewriter.rewrite(statement));
  }
}
