package io.analytics.gateway.pgcatalog;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;

/**
 * pg_roles: the four platform roles as group roles, and the configured users as login roles, each a
 * member of its role (or, with no users, the trusted local login {@code analytics}).
 */
final class PgRoles {
  private static final String[] PLATFORM_ROLES = {"app", "analyst", "engineer", "admin"};
  /** PostgreSQL's first OID for user-defined objects. */
  private static final int FIRST_OID = 16_384;
  /** The OID of PostgreSQL's bootstrap superuser, which the trusted login stands for. */
  private static final int BOOTSTRAP_SUPERUSER_OID = 10;

  private PgRoles() {}

  static String view(PlatformConfig config) {
    StringBuilder values = new StringBuilder("CREATE OR REPLACE TEMP VIEW pg_roles AS SELECT * FROM (VALUES ");
    int oid = FIRST_OID;
    boolean first = true;
    for (String role : PLATFORM_ROLES) {
      values.append(first ? "" : ", ").append(row(oid++, role, role.equals("admin"), false, role));
      first = false;
    }
    if (!config.hasUsers()) {
      values.append(", ").append(row(BOOTSTRAP_SUPERUSER_OID, "analytics", true, true, "admin"));
    }
    for (UserConfig user : config.users()) {
      values.append(", ").append(row(oid++, user.name(), user.role().equals("admin"), true, user.role()));
    }
    return values.append(") t(oid, rolname, rolsuper, rolinherit, rolcreaterole, rolcreatedb, rolcanlogin, rolreplication, "
        + "rolconnlimit, rolpassword, rolvaliduntil, rolbypassrls, rolconfig, role_name)").toString();
  }

  private static String row(int oid, String name, boolean superuser, boolean login, String role) {
    return "(CAST(" + oid + " AS BIGINT), " + LakeFactViews.text(name) + ", " + superuser + ", true, " + superuser + ", "
        + superuser + ", " + login + ", false, -1, '********', CAST(NULL AS TIMESTAMPTZ), " + superuser
        + ", CAST(NULL AS VARCHAR[]), '" + role + "')";
  }
}
