package io.analytics.gateway.security;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import java.util.Set;

/**
 * Which functions a role may call, by the name DuckDB's parser (or, for statements DuckDB cannot
 * serialize, the lexer) gives: functions that run SQL from strings or reach outside the lake are
 * refused to everyone, maintenance to all but admins, sequence changes to readers, and file readers
 * to readers and, for writers, to any path outside the lake.
 */
final class FunctionRules {
  /** Functions that run SQL given as a string (which would escape inspection) or reach outside the lake. */
  private static final Set<String> DENIED = Set.of(
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
  private static final Set<String> MAINTENANCE = Set.of("checkpoint", "force_checkpoint");

  /** Functions that change a sequence: a write, for roles that write. */
  private static final Set<String> SEQUENCE = Set.of("nextval", "setval");

  /** Functions that read files: allowed to roles that write, and only for literal paths inside the lake. */
  private static final Set<String> FILE_READERS = Set.of(
      "read_csv", "read_csv_auto", "read_parquet", "parquet_scan", "read_json", "read_json_auto", "read_json_objects",
      "read_json_objects_auto", "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_text", "read_blob",
      "glob", "parquet_metadata", "parquet_schema", "parquet_file_metadata", "parquet_kv_metadata",
      "parquet_bloom_probe", "sniff_csv", "iceberg_scan", "iceberg_metadata", "iceberg_snapshots", "delta_scan",
      "read_xlsx", "st_read", "read_avro", "read_duckdb", "read_single_csv_file", "read_single_json_file",
      "read_single_parquet_file", "parquet_full_metadata", "read_file", "read_files", FunctionCalls.REPLACEMENT_SCAN);

  /** Name prefixes of file readers, so that one DuckDB adds later is refused rather than let through. */
  private static final Set<String> FILE_READER_PREFIXES = Set.of("read_", "parquet_", "iceberg_", "delta_", "sniff_", "glob");

  /** Table functions that list the server's absolute paths (settings, attached files, temp files): admins only. */
  private static final Set<String> PATH_LISTINGS = Set.of(
      "duckdb_settings", "duckdb_databases", "duckdb_temporary_files", "duckdb_extensions", "pragma_database_list");

  /** Settings whose values are server paths, which current_setting would show. */
  private static final Set<String> PATH_SETTINGS = Set.of(
      "allowed_directories", "allowed_paths", "temp_directory", "home_directory", "extension_directory",
      "secret_directory", "custom_extension_repository", "autoinstall_extension_repository", "log_query_path",
      "profile_output", "profiling_output", "file_search_path");

  private final Role role;
  private final LakePaths lake;

  FunctionRules(Role role, LakePaths lake) {
    this.role = requireNonNull(role, "role is null");
    this.lake = requireNonNull(lake, "lake is null");
  }

  void check(FunctionCall call) {
    String name = call.name();
    if (DENIED.contains(name)) {
      throw StatementGuard.denied("function " + name + " is not allowed through the gateway");
    }
    if (MAINTENANCE.contains(name) && !role.administers()) {
      throw StatementGuard.denied("function " + name + " needs role admin");
    }
    if (SEQUENCE.contains(name) && !role.writes()) {
      throw StatementGuard.denied("role " + role.sqlName() + " may only read; function " + name
          + " changes a sequence and needs role engineer");
    }
    if (!role.administers() && revealsPaths(call)) {
      throw StatementGuard.denied("function " + name + " shows the server's file paths and needs role admin");
    }
    if (!isFileReader(name)) {
      return;
    }
    String what = name.equals(FunctionCalls.REPLACEMENT_SCAN) ? "reading a file by its path" : "function " + name;
    if (!role.writes()) {
      throw StatementGuard.denied(what + " is not allowed for role " + role.sqlName() + "; query the lake's tables instead");
    }
    if (call.literalPaths() == null || call.literalPaths().isEmpty()) {
      throw StatementGuard.denied(what + " needs literal file paths, so that they can be checked");
    }
    for (String path : call.literalPaths()) {
      if (!lake.contains(path)) {
        throw StatementGuard.denied("path \"" + path + "\" is outside the lake");
      }
    }
  }

  private static boolean revealsPaths(FunctionCall call) {
    if (PATH_LISTINGS.contains(call.name())) {
      return true;
    }
    if (!call.name().equals("current_setting")) {
      return false;
    }
    // A setting named by an expression could be any of them.
    return call.literalPaths() == null || call.literalPaths().isEmpty()
        || PATH_SETTINGS.contains(call.literalPaths().get(0).toLowerCase(java.util.Locale.ROOT));
  }

  static boolean isFileReader(String name) {
    if (FILE_READERS.contains(name)) {
      return true;
    }
    for (String prefix : FILE_READER_PREFIXES) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
