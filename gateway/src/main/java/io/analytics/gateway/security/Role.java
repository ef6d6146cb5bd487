package io.analytics.gateway.security;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import java.util.Locale;
import java.util.Set;

/**
 * What a login may do. {@code app} reads only the gold layer; {@code analyst} reads every layer and
 * source; {@code engineer} may also write the warehouse (DDL, DML, COPY FROM STDIN) and read lake
 * files by path; {@code admin} may also run maintenance (CHECKPOINT, VACUUM). No role reaches files
 * outside the lake, loads extensions, attaches databases or changes engine-wide settings.
 */
public enum Role {
  APP,
  ANALYST,
  ENGINEER,
  ADMIN;

  private static final Set<String> CATALOG_SCHEMAS = Set.of("pg_catalog", "information_schema");

  public static Role of(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  /**
   * The role of a login: its configured role, or admin when no users are configured (then only
   * loopback connections get in, as with a fresh local PostgreSQL's trust authentication).
   */
  public static Role forLogin(PlatformConfig config, String user) {
    if (!config.hasUsers()) {
      return ADMIN;
    }
    return config.users().stream().filter(u -> u.name().equals(user)).findFirst()
        .map(UserConfig::role).map(Role::of).orElse(APP);
  }

  /** Whether tables and views of this schema may be read. */
  public boolean readsSchema(String schema) {
    String lower = schema.toLowerCase(Locale.ROOT);
    if (CATALOG_SCHEMAS.contains(lower)) {
      return true;
    }
    return this != APP || lower.equals("gold");
  }

  public boolean writes() {
    return this == ENGINEER || this == ADMIN;
  }

  public boolean administers() {
    return this == ADMIN;
  }

  public String sqlName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
