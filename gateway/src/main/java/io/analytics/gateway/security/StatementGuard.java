package io.analytics.gateway.security;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.duckdb.DuckDbParser;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.TokenType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides, before DuckDB runs it, whether a client's statement is allowed for the login's role.
 * One parser decides: DuckDB's own ({@link DuckDbParser}), on the very text DuckDB will run, says
 * how many statements the text holds (more than one is refused: duckdb_jdbc's prepare would run all
 * but the last unchecked) and, for a SELECT, gives the parse tree whose tables, functions, file
 * reads and data-modifying CTEs are checked. Roles that only read may send nothing else to DuckDB
 * but session housekeeping (USE, PREPARE of a checked statement, EXECUTE, transaction control) and
 * session settings. For the statements DuckDB cannot serialize (writers' DML and DDL) the lexer's
 * tokens give the kind and target, and only for a text DuckDB reads as one statement and that
 * holds no character the two could read differently ({@link AmbiguousCharacters}). Anything the
 * guard cannot classify is refused. DuckDB itself is the second wall (file access limited to the
 * lake, see DuckDbDatabase). A refusal is SQLSTATE 42501 naming the object.
 */
public final class StatementGuard {
  /**
   * DuckDB settings a client may change: those that only affect its own session and that the
   * serving instances' locked configuration still accepts (LockedConfiguration: search_path and
   * schema everywhere, TimeZone on the writers' instances), so the guard and DuckDB agree.
   */
  private static final Set<String> SESSION_SETTINGS = Set.of("search_path", "schema", "timezone");

  /** PRAGMAs that only read. */
  private static final Set<String> READ_ONLY_PRAGMAS = Set.of(
      "table_info", "show_tables", "show_tables_expanded", "show_databases", "database_list", "database_size",
      "version", "platform", "show", "functions", "collations", "storage_info", "metadata_info");

  private static final String GATEWAY_CATALOG_PREFIX = "pg_gateway_";

  private static final Set<String> LAYERS =
      Arrays.stream(Layer.values()).map(Layer::schemaName).collect(Collectors.toUnmodifiableSet());

  private final Role role;
  private final LakePaths lake;
  private final FunctionRules functions;
  private final CatalogLookup catalog;
  private final Supplier<String> currentSchema;
  private final DuckDbParser parser;

  /**
   * @param lakeDirectory the lake's data directory, the only place file readers may look
   * @param currentSchema the first schema of the session's search path, where unqualified names are
   *     created when DuckDB cannot be asked
   */
  public StatementGuard(Role role, java.nio.file.Path lakeDirectory, CatalogLookup catalog, Supplier<String> currentSchema) {
    this(role, lakeDirectory, catalog, currentSchema, DuckDbParser.shared());
  }

  StatementGuard(Role role, java.nio.file.Path lakeDirectory, CatalogLookup catalog, Supplier<String> currentSchema,
      DuckDbParser parser) {
    this.role = requireNonNull(role, "role is null");
    this.lake = new LakePaths(requireNonNull(lakeDirectory, "lakeDirectory is null"));
    this.functions = new FunctionRules(role, lake);
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.currentSchema = requireNonNull(currentSchema, "currentSchema is null");
    this.parser = requireNonNull(parser, "parser is null");
  }

  public Role role() {
    return role;
  }

  /** Throws 42501 when the statement is not allowed; returns normally otherwise. */
  public void check(SqlStatement statement) {
    DuckDbParser.Parsed parsed = parser.parse(statement.sql());
    if (parsed.statements() == 0) {
      // DuckDB cannot parse it and will refuse it with its own syntax error, having run nothing; a
      // write it could not parse is still refused as one, as PostgreSQL would.
      checkUnparsable(statement);
      return;
    }
    if (parsed.statements() > 1) {
      throw denied("DuckDB reads " + parsed.statements() + " statements in this text where the gateway saw one "
          + "(check the quoting); send one statement at a time");
    }
    if (parsed.statements() < 0) {
      throw denied("the statement cannot be checked (" + parsed.parseError() + ")");
    }
    if (parsed.isSingleSelect()) {
      checkTree(ParseTreeReader.read(parsed.selectTree()));
      return;
    }
    checkDuckDbType(statement, parsed);
    checkLexed(statement);
  }

  /**
   * What DuckDB's parser says the one statement is, for a statement it gives no tree for: types no
   * client may run are refused outright, and the lexer's reading (which the rest of the checks use)
   * must agree with DuckDB's, or the text is refused as one the two read differently.
   */
  private void checkDuckDbType(SqlStatement statement, DuckDbParser.Parsed parsed) {
    io.analytics.engine.duckdb.DuckDbStatementType type = parsed.singleType()
        .orElseThrow(() -> denied("the statement cannot be checked (DuckDB's parser gave no statement type)"));
    if (DuckDbStatementKinds.isForbidden(type)) {
      throw denied("a " + type.name().replace('_', ' ') + " statement (as DuckDB reads it) is not allowed through the gateway");
    }
    String keyword = statement.keyword();
    StatementKind lexed = keyword.equals("EXPLAIN") ? null : StatementClassifier.classify(statement);
    boolean agrees = keyword.equals("EXPLAIN") ? type == io.analytics.engine.duckdb.DuckDbStatementType.EXPLAIN
        : keyword.equals("PREPARE") ? type == io.analytics.engine.duckdb.DuckDbStatementType.PREPARE
        : DuckDbStatementKinds.agree(type, lexed, keyword);
    if (!agrees) {
      throw denied("DuckDB reads this as a " + type.name().replace('_', ' ') + " statement where the gateway read "
          + (lexed == null ? keyword : lexed.name().toLowerCase(Locale.ROOT)) + " (check the quoting)");
    }
  }

  /**
   * Refuses a text the gateway built from a checked statement (a COPY's load, a result-shape probe)
   * unless DuckDB reads exactly one statement in it: duckdb_jdbc's prepare runs all but the last.
   */
  public static void requireOneStatement(String sql) {
    int statements = DuckDbParser.shared().parse(sql).statements();
    if (statements > 1 || statements < 0) {
      throw denied("DuckDB reads more than one statement in this text (check the quoting); send one statement at a time");
    }
  }

  /**
   * The refusal for a text the gateway's lexer rejects but DuckDB's parser reads: the two disagree
   * on its quoting, which is how statements are hidden; empty when DuckDB cannot parse it either.
   */
  public static java.util.Optional<PlatformException> lexerDisagreement(String sql) {
    DuckDbParser.Parsed parsed = DuckDbParser.shared().parse(sql);
    if (parsed.statements() == 0) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(denied("the gateway's lexer cannot read this text but DuckDB reads "
        + (parsed.statements() < 0 ? "it" : parsed.statements() + " statement(s) in it") + " (check the quoting)"));
  }

  /**
   * Whether the text the gateway's rewrites make of this (already checked) statement must be
   * checked again before DuckDB runs it: always, for every role. A DDL translation into several
   * statements (a sequence before its serial column's table, one DROP per object) runs all but the
   * last on its own, each checked, so the text DuckDB prepares is one statement and is checked as
   * such, whatever the dialect stages made of it.
   */
  public boolean rewriteNeedsCheck(SqlStatement statement) {
    return true;
  }

  /** A text as DuckDB will run it (after the gateway's rewrites): checked as a client statement. */
  public void checkText(String sql) {
    check(SqlStatement.parse(sql));
  }

  private void checkUnparsable(SqlStatement statement) {
    java.util.Optional<String> ambiguous = AmbiguousCharacters.findIn(statement.sql());
    if (ambiguous.isPresent()) {
      throw denied("a statement DuckDB cannot parse may not hold " + ambiguous.get());
    }
    java.util.Optional<SqlStatement> body = StatementClassifier.preparedBody(statement);
    StatementKind kind = StatementClassifier.classify(body.orElse(statement));
    if (!role.writes() && (kind == StatementKind.WRITE || kind == StatementKind.DDL)) {
      throw denied("role " + role.sqlName() + " may only read; " + body.orElse(statement).keyword() + " needs role engineer");
    }
  }

  /** A SELECT, by DuckDB's parse tree. */
  private void checkTree(ParseTreeReader tree) {
    if (tree == null || tree.statements() != 1) {
      throw denied("the statement cannot be checked (DuckDB's parse tree does not hold exactly one statement)");
    }
    for (ParseTreeReader.WriteNode write : tree.writes()) {
      String what = write.type().replace("_QUERY_NODE", "").replace('_', ' ');
      if (!role.writes()) {
        throw denied("role " + role.sqlName() + " may only read; a WITH holding " + what + " needs role engineer");
      }
      checkSchemaWritten(write.schema().isEmpty() ? schemaOfUnqualifiedNames() : write.schema(), "TABLE", what);
    }
    for (FunctionCall call : tree.calls()) {
      functions.check(call);
    }
    for (TableReference table : tree.tables()) {
      if (table.looksLikePath() && !tree.isCte(table.name())) {
        functions.check(new FunctionCall(FunctionCalls.REPLACEMENT_SCAN, List.of(table.qualified())));
      }
    }
    if (role == Role.APP) {
      checkTablesRead(tree);
    }
  }

  /** A statement DuckDB reads as one statement but cannot serialize: classified from the lexer's tokens. */
  private void checkLexed(SqlStatement statement) {
    java.util.Optional<String> ambiguous = AmbiguousCharacters.findIn(statement.sql());
    if (ambiguous.isPresent()) {
      throw denied("a " + statement.keyword() + " statement may not hold " + ambiguous.get()
          + " (outside a SELECT, send such values as parameters)");
    }
    if (statement.keyword().equals("PREPARE")) {
      SqlStatement body = StatementClassifier.preparedBody(statement)
          .orElseThrow(() -> denied("PREPARE needs the form PREPARE name [(types)] AS statement"));
      check(body);
      return;
    }
    if (statement.keyword().equals("EXPLAIN")) {
      check(SqlStatement.parse(explained(statement)));
      return;
    }
    StatementKind kind = StatementClassifier.classify(statement);
    switch (kind) {
      case FORBIDDEN -> throw denied(describeForbidden(statement) + " is not allowed through the gateway");
      case SETTING -> checkSetting(statement);
      case SESSION -> { }
      case UNKNOWN -> throw denied("the statement cannot be classified, so it is not allowed through the gateway");
      case WRITE, DDL -> {
        if (!role.writes()) {
          throw denied("role " + role.sqlName() + " may only read; " + statement.keyword() + " needs role engineer");
        }
        checkWriteTarget(statement);
      }
      case MAINTENANCE -> {
        if (!role.administers()) {
          throw denied(statement.keyword() + " needs role admin");
        }
      }
      default -> {
        // READ that DuckDB does not serialize (PIVOT, ...) and CALL: reads, but their tables cannot be
        // listed from a parse tree, so only roles that may read everything may send them.
        if (!role.writes()) {
          throw denied(statement.keyword() + " is not allowed for role " + role.sqlName()
              + "; write it as a SELECT (SELECT * FROM ...)");
        }
      }
    }
    for (FunctionCall call : FunctionCalls.in(statement)) {
      functions.check(call);
    }
  }

  private String describeForbidden(SqlStatement statement) {
    String keyword = statement.keyword();
    if (keyword.equals("COPY")) {
      return "COPY to or from a file";
    }
    if (keyword.equals("CREATE")) {
      return "CREATE SECRET";
    }
    return keyword.equals("UPDATE") ? "UPDATE EXTENSIONS" : keyword;
  }

  private void checkSetting(SqlStatement statement) {
    String keyword = statement.keyword();
    if (keyword.equals("PRAGMA")) {
      String name = statement.size() > 1 ? statement.token(1).value().toLowerCase(Locale.ROOT) : "";
      boolean assigns = statement.tokens().stream().anyMatch(t -> t.type() == TokenType.PUNCTUATION && t.text().contains("="));
      if (!READ_ONLY_PRAGMAS.contains(name) || assigns) {
        throw denied("PRAGMA " + name + " is not allowed through the gateway");
      }
      return;
    }
    int at = 1;
    String scope = statement.keyword(at);
    if (scope.equals("GLOBAL")) {
      throw denied("SET GLOBAL changes every session's settings and is not allowed through the gateway");
    }
    if (scope.equals("SESSION") || scope.equals("LOCAL")) {
      at++;
    }
    String name = at < statement.size() ? statement.token(at).value().toLowerCase(Locale.ROOT) : "";
    if (!SESSION_SETTINGS.contains(name)) {
      throw denied("setting \"" + name + "\" is engine-wide and cannot be changed through the gateway");
    }
  }

  /** The lake's layers are the platform's: only admins create, replace or drop anything in their schemas. */
  private void checkWriteTarget(SqlStatement statement) {
    WriteTarget target = WriteTarget.of(statement);
    if (target == null) {
      if (statement.keyword().equals("CREATE") || statement.keyword().equals("DROP") || statement.keyword().equals("ALTER")) {
        throw denied("the object " + statement.keyword() + " changes cannot be told, so it is not allowed through the gateway");
      }
      return;
    }
    String schema = target.kind().equals("SCHEMA") ? target.name() : target.schema();
    if (schema.isEmpty() && !target.kind().equals("SCHEMA")) {
      schema = schemaOfUnqualifiedNames();
    }
    checkSchemaWritten(schema, target.kind(), statement.keyword());
  }

  private void checkSchemaWritten(String schema, String kind, String what) {
    String lower = schema.toLowerCase(Locale.ROOT);
    if (LAYERS.contains(lower) && !role.administers()) {
      throw denied("the " + lower + " layer belongs to the platform (its views follow the lake, and its data is written "
          + "by the pipelines: analytics ingest, export, materialize); " + what + " of a " + kind.toLowerCase(Locale.ROOT)
          + " there needs role admin");
    }
  }

  /** Where DuckDB creates an unqualified name: its current schema (USE, SET schema, search_path all move it). */
  private String schemaOfUnqualifiedNames() {
    String schema = catalog.currentSchema();
    return schema != null ? schema : currentSchema.get();
  }

  private void checkTablesRead(ParseTreeReader tree) {
    for (TableReference table : tree.tables()) {
      if (table.name().startsWith(GATEWAY_CATALOG_PREFIX)) {
        // The session's own TEMP catalog views, which the gateway's rewrites of pg_catalog and
        // information_schema name; they show the gold-only instance's catalog.
        continue;
      }
      if (!table.schema().isEmpty()) {
        if (!role.readsSchema(table.schema())) {
          throw deniedTable(table.qualified());
        }
      } else if (!tree.isCte(table.name())) {
        Set<String> holders = catalog.schemasHolding(table.name());
        if (!holders.isEmpty() && !holders.contains("gold")) {
          throw deniedTable(String.join("|", holders) + "." + table.name());
        }
      }
    }
  }

  /** The statement an EXPLAIN explains. */
  private static String explained(SqlStatement statement) {
    int at = 1;
    if (statement.keyword(at).equals("ANALYZE") || statement.keyword(at).equals("ANALYSE")) {
      at++;
    }
    return statement.textFrom(at);
  }

  private PlatformException deniedTable(String table) {
    return denied("permission denied for table " + table + " (role " + role.sqlName() + " reads only the gold layer)");
  }

  static PlatformException denied(String message) {
    return new PlatformException(SqlState.INSUFFICIENT_PRIVILEGE, message.startsWith("permission denied") ? message : "permission denied: " + message);
  }
}
