package io.analytics.catalog.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where unqualified table names are looked up, written as PostgreSQL's {@code search_path}: the
 * warehouse's own schema (public, DuckDB's main) first, then the lake's layers, so that
 * {@code SELECT * FROM trades} finds {@code bronze.trades} as long as no earlier schema has a
 * {@code trades}. A role may have its own path, as {@code ALTER ROLE ... SET search_path} gives it
 * in PostgreSQL; role app, which reads only the gold layer, has just gold. The CLI and the gateway
 * use the same paths.
 *
 * @param path the path of every role without one of its own
 * @param roles paths by role name (app, analyst, engineer, admin)
 */
public record SearchPathConfig(String path, Map<String, String> roles) {
  public static final String DEFAULT_PATH = "\"$user\", public, gold, silver, bronze";
  public static final Map<String, String> DEFAULT_ROLES = Map.of("app", "gold");

  @JsonCreator
  public SearchPathConfig(@JsonProperty("path") String path, @JsonProperty("roles") Map<String, String> roles) {
    this.path = path == null ? DEFAULT_PATH : path;
    Map<String, String> merged = new LinkedHashMap<>(DEFAULT_ROLES);
    if (roles != null) {
      merged.putAll(roles);
    }
    for (String role : merged.keySet()) {
      ConfigChecks.checkOneOf("searchPath.roles", role, "app", "analyst", "engineer", "admin");
    }
    this.roles = Map.copyOf(merged);
    requireNonNull(this.path, "path is null");
  }

  public static SearchPathConfig defaults() {
    return new SearchPathConfig(null, null);
  }

  /**
   * The schemas of a PostgreSQL search_path as DuckDB names them: unquoted names folded to lower
   * case, public is DuckDB's main, and "$user" and pg_catalog (searched implicitly) left out; main
   * when nothing is left.
   */
  public static List<String> duckDbSchemas(String searchPath) {
    List<String> schemas = new ArrayList<>();
    for (String part : searchPath.split(",")) {
      String name = part.trim();
      if (name.startsWith("\"") && name.endsWith("\"") && name.length() >= 2) {
        name = name.substring(1, name.length() - 1);
      } else {
        name = name.toLowerCase(Locale.ROOT);
      }
      if (name.isEmpty() || name.equals("$user") || name.equals("pg_catalog")) {
        continue;
      }
      schemas.add(name.equals("public") ? "main" : name);
    }
    if (schemas.isEmpty()) {
      schemas.add("main");
    }
    return schemas;
  }

  /** The search_path sessions of this role start with. */
  public String forRole(String role) {
    return roles.getOrDefault(role.toLowerCase(Locale.ROOT), path);
  }
}
