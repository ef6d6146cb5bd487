package io.analytics.gateway.security;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.lake.Layer;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Decides, before DuckDB sees it, whether a client's statement is allowed for the login's role.
 * DuckDB itself is the second wall (file access limited to the lake, see DuckDbDatabase), but it has
 * no notion of users, so what a role may do is decided here, by parsing: the lexer's tokens for
 * the statement's kind, its write target and every function it calls, and DuckDB's own parse tree
 * for the tables a SELECT reads. A refusal is SQLSTATE 42501 naming the object.
 */
public final class StatementGuard {
  /** Functions that run SQL given as a string (which would escape inspection) or reach outside the lake. */
  private static final Set<String> DENIED_FUNCTIONS = Set.of(
      "query", "query_table", "getenv", "postgres_query", "postgres_execute", "postgres_scan", "postgres_scan_pushdown",
      "postgres_attach", "sqlite_scan", "sqlite_attach", "sqlite_query", "mysql_query", "mysql_execute", "mysql_scan",
      "duckdb_secrets", "which_secret", "load_aws_credentials", "http_get", "http_post",
      // Runs a serialized statement, unseen by this guard.
      "json_execute_serialized_sql",
      // Write into an attached database or load an export: COPY FROM DATABASE and IMPORT DATABASE by another name.
      "copy_database", "import_database",
      // Engine-wide switches, as the PRAGMAs and SETs of the same names (refused below) are.
      "add_parquet_key", "enable_logging", "disable_logging", "truncate_duckdb_logs", "enable_profiling", "disable_profiling",
      "enable_profile", "disable_profile", "enable_optimizer", "disable_optimizer", "enable_object_cache", "disable_object_cache",
      "enable_checkpoint_on_shutdown", "disable_checkpoint_on_shutdown", "enable_verification", "disable_verification",
      "verify_parallelism", "disable_verify_parallelism", "create_external_resource", "destroy_external_resource",
      "register_external_resource", "register_external_resource_type", "deregister_external_resource");

  /** Table functions that do what CHECKPOINT does: admins only, like the statement. */
  private static final Set<String> MAINTENANCE_FUNCTIONS = Set.of("checkpoint", "force_checkpoint");

  /** Functions that change a sequence: a write, for roles that write. */
  private static final Set<String> SEQUENCE_FUNCTIONS = Set.of("nextval", "setval");

  /** Functions that read files: allowed to roles that write, and only for literal paths inside the lake. */
  private static final Set<String> FILE_READERS = Set.of(
      "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json", "read_json_auto", "read_json_objects",
      "read_json_objects_auto", "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_text", "read_blob",
      "glob", "parquet_metadata", "parquet_schema", "parquet_file_metadata", "parquet_kv_metadata",
      "parquet_bloom_probe", "sniff_csv", "iceberg_scan", "iceberg_metadata", "iceberg_snapshots", "delta_scan",
      "read_xlsx", "st_read", "read_avro", "read_duckdb", "read_single_csv_file", "read_single_json_file",
      "read_single_parquet_file", "parquet_full_metadata", FunctionCalls.REPLACEMENT_SCAN);

  /** DuckDB settings a client may change: those that only affect its own session. */
  private static final Set<String> SESSION_SETTINGS = Set.of(
      "search_path", "schema", "timezone", "calendar", "enable_progress_bar", "enable_progress_bar_print", "progress_bar_time");

  /** PRAGMAs that only read. */
  private static final Set<String> READ_ONLY_PRAGMAS = Set.of(
      "table_info", "show_tables", "show_tables_expanded", "show_databases", "database_list", "database_size",
      "version", "platform", "show", "functions", "collations", "storage_info", "metadata_info");

  private static final Set<String> LAYERS =
      Arrays.stream(Layer.values()).map(Layer::schemaName).collect(Collectors.toUnmodifiableSet());

  private final Role role;
  private final LakePaths lake;
  private final CatalogLookup catalog;
  private final Supplier<String> currentSchema;

  /**
   * @param lakeDirectory the lake's data directory, the only place file readers may look
   * @param currentSchema the first schema of the session's search path, where unqualified names are created
   */
  public StatementGuard(Role role, java.nio.file.Path lakeDirectory, CatalogLookup catalog, Supplier<String> currentSchema) {
    this.role = requireNonNull(role, "role is null");
    this.lake = new LakePaths(requireNonNull(lakeDirectory, "lakeDirectory is null"));
    this.catalog = requireNonNull(catalog, "catalog is null");
    this.currentSchema = requireNonNull(currentSchema, "currentSchema is null");
  }

  public Role role() {
    return role;
  }

  /** Throws 42501 when the statement is not allowed; returns normally otherwise. */
  public void check(SqlStatement statement) {
    java.util.Optional<SqlStatement> prepared = StatementClassifier.preparedBody(statement);
    if (prepared.isPresent()) {
      check(prepared.get());
      return;
    }
    StatementKind kind = StatementClassifier.classify(statement);
    switch (kind) {
      case FORBIDDEN -> throw denied(describeForbidden(statement) + " is not allowed through the gateway");
      case SETTING -> checkSetting(statement);
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
      default -> { }
    }
    for (FunctionCall call : FunctionCalls.in(statement)) {
      checkCall(call);
    }
    if (role == Role.APP && kind != StatementKind.SESSION && kind != StatementKind.SETTING) {
      checkTablesRead(statement);
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

  private void checkCall(FunctionCall call) {
    if (DENIED_FUNCTIONS.contains(call.name())) {
      throw denied("function " + call.name() + " is not allowed through the gateway");
    }
    if (MAINTENANCE_FUNCTIONS.contains(call.name()) && !role.administers()) {
      throw denied("function " + call.name() + " needs role admin");
    }
    if (SEQUENCE_FUNCTIONS.contains(call.name()) && !role.writes()) {
      throw denied("role " + role.sqlName() + " may only read; function " + call.name() + " changes a sequence and needs role engineer");
    }
    if (!FILE_READERS.contains(call.name())) {
      return;
    }
    String what = call.name().equals(FunctionCalls.REPLACEMENT_SCAN) ? "reading a file by its path" : "function " + call.name();
    if (!role.writes()) {
      throw denied(what + " is not allowed for role " + role.sqlName() + "; query the lake's tables instead");
    }
    if (call.literalPaths() == null || call.literalPaths().isEmpty()) {
      throw denied(what + " needs literal file paths, so that they can be checked");
    }
    for (String path : call.literalPaths()) {
      if (!lake.contains(path)) {
        throw denied("path \"" + path + "\" is outside the lake");
      }
    }
  }

  /** The lake's layers hold Parquet written by the pipelines; in their schemas only views may be created or dropped. */
  private void checkWriteTarget(SqlStatement statement) {
    WriteTarget target = WriteTarget.of(statement);
    if (target == null) {
      return;
    }
    String schema = target.kind().equals("SCHEMA") ? target.name() : target.schema();
    if (schema.isEmpty() && !target.kind().equals("SCHEMA")) {
      schema = currentSchema.get();
    }
    if (LAYERS.contains(schema.toLowerCase(Locale.ROOT)) && !target.kind().equals("VIEW")) {
      throw denied("the " + schema.toLowerCase(Locale.ROOT) + " layer is written only by the pipelines "
          + "(analytics ingest, export, materialize); it cannot be changed with " + statement.keyword());
    }
  }

  private void checkTablesRead(SqlStatement statement) {
    ParseTreeReader tree = ParseTreeReader.read(catalog.parseTree(readPart(statement)));
    if (tree == null) {
      checkNamedObject(statement);
      return;
    }
    for (TableReference table : tree.tables()) {
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

  /** The statement an EXPLAIN explains, or the statement itself. */
  private static String readPart(SqlStatement statement) {
    if (!statement.keyword().equals("EXPLAIN")) {
      return statement.sql();
    }
    int at = 1;
    if (statement.keyword(at).equals("ANALYZE") || statement.keyword(at).equals("ANALYSE")) {
      at++;
    }
    return statement.textFrom(at);
  }

  /** SHOW/DESCRIBE/SUMMARIZE name: the object named must be readable; other non-SELECT reads are refused. */
  private void checkNamedObject(SqlStatement statement) {
    String keyword = statement.keyword();
    if (!Set.of("SHOW", "DESCRIBE", "DESC", "SUMMARIZE").contains(keyword)) {
      throw denied(keyword + " is not allowed for role " + role.sqlName());
    }
    List<String> parts = new ArrayList<>();
    for (int i = 1; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) {
        parts.add(token.value());
      } else if (!token.isPunctuation('.')) {
        break;
      }
    }
    if (parts.size() >= 2 && !role.readsSchema(parts.get(parts.size() - 2))) {
      throw deniedTable(String.join(".", parts));
    }
  }

  private PlatformException deniedTable(String table) {
    return denied("permission denied for table " + table + " (role " + role.sqlName() + " reads only the gold layer)");
  }

  private static PlatformException denied(String message) {
    return new PlatformException(SqlState.INSUFFICIENT_PRIVILEGE, message.startsWith("permission denied") ? message : "permission denied: " + message);
  }
}
