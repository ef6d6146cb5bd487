package io.analytics.gateway.functions;

import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pg_typeof(x)} names the PostgreSQL type the value reaches the client as, as PostgreSQL names it
 * ({@code integer}, {@code numeric}, {@code text}, {@code double precision}, {@code integer[]}), where DuckDB's
 * own pg_typeof answered its type names ({@code decimal(2,1)}, {@code varchar}, {@code double}, {@code blob}).
 * The names come from the type registry (each DuckDB type name of a PostgreSQL type, and the name
 * format_type prints), so pg_typeof agrees with the type OID the RowDescription sends for the same value.
 * An untyped literal and NULL are text here (PostgreSQL says unknown), and a DuckDB struct or map is json,
 * as it is sent.
 */
public final class PgTypeofMacros {
  private PgTypeofMacros() {}

  public static List<String> statements() {
    StringBuilder names = new StringBuilder("CASE");
    names.append(" WHEN t LIKE 'DECIMAL(%' THEN 'numeric'");
    names.append(" WHEN t LIKE 'UNION(JSONB %' THEN 'jsonb'");
    names.append(" WHEN t LIKE 'STRUCT(%' OR t LIKE 'MAP(%' OR t LIKE 'UNION(%' THEN 'json'");
    names.append(" WHEN t LIKE 'ENUM(%' THEN 'text'");
    for (Map.Entry<String, String> name : duckDbToPostgres().entrySet()) {
      names.append(" WHEN t = '").append(name.getKey().replace("'", "''")).append("' THEN '")
          .append(name.getValue().replace("'", "''")).append('\'');
    }
    names.append(" ELSE lower(t) END");
    return List.of(
        "CREATE OR REPLACE TEMP MACRO pg_gateway_type_name(t) AS " + names,
        // An array's element type is named and the brackets kept: INTEGER[][] is integer[][].
        "CREATE OR REPLACE TEMP MACRO pg_gateway_typeof_name(t) AS "
            + "pg_gateway_type_name(regexp_replace(upper(t), '(\\[\\d*\\])+$', '')) || regexp_replace(regexp_extract(t, '(\\[\\d*\\])+$'), '\\d', '', 'g')",
        "CREATE OR REPLACE TEMP MACRO pg_typeof(x) AS pg_gateway_typeof_name(typeof(x))");
  }

  /** Each DuckDB type name (upper case) and the name format_type prints for the PostgreSQL type it is sent as. */
  private static Map<String, String> duckDbToPostgres() {
    Map<String, String> names = new LinkedHashMap<>();
    for (PgTypeDefinition type : PgTypeRegistry.all()) {
      for (String duckDb : type.duckDbNames()) {
        names.putIfAbsent(duckDb.toUpperCase(Locale.ROOT), type.sqlName());
      }
    }
    return names;
  }
}
