package io.analytics.gateway.pgcatalog;

import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.analytics.gateway.types.PgType;
import io.analytics.gateway.types.PgTypes;
import java.util.Comparator;
import java.util.List;

/**
 * SQL macros generated from the type registry, so that catalog queries and RowDescription agree:
 * the PostgreSQL OID and typmod of a DuckDB type name, and {@code format_type(oid, typmod)} with
 * PostgreSQL's names ({@code integer}, {@code numeric(18,4)}, {@code timestamp with time zone}).
 */
final class PgTypeMacros {
  /** DuckDB base type names the registry maps (plain words only), longest first so that prefixes do not win. */
  private static final List<String> DUCKDB_NAMES = PgTypeRegistry.all().stream()
      .flatMap(type -> type.duckDbNames().stream())
      .filter(name -> name.matches("[A-Z_ ]+"))
      .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()))
      .toList();

  private PgTypeMacros() {}

  /** pg_gateway_type_oid(duckdb_type_name). */
  static String typeOid() {
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE TEMP MACRO pg_gateway_type_oid(t) AS CASE ");
    sql.append("WHEN t LIKE 'DECIMAL(%)[]' THEN 1231 WHEN t LIKE 'DECIMAL(%' THEN 1700 ");
    sql.append("WHEN t LIKE 'STRUCT(%' OR t LIKE 'MAP(%' OR t LIKE 'UNION(%' THEN 114 WHEN t LIKE 'ENUM(%' THEN 25 ");
    for (String name : DUCKDB_NAMES) {
      PgType type = PgTypes.forDuckDbType(name).type();
      if (type.arrayOid() != 0) {
        sql.append("WHEN regexp_matches(t, '^").append(name).append("(\\[\\d*\\])+$') THEN ").append(type.arrayOid()).append(' ');
      }
      sql.append("WHEN t = '").append(name).append("' THEN ").append(type.oid()).append(' ');
    }
    return sql.append("ELSE 25 END").toString();
  }

  /** pg_gateway_typmod(duckdb_type_name): ((precision << 16) | scale) + 4 for decimals, else -1. */
  static String typeModifier() {
    return "CREATE OR REPLACE TEMP MACRO pg_gateway_typmod(t) AS CASE WHEN t LIKE 'DECIMAL(%' THEN "
        + "((CAST(regexp_extract(t, 'DECIMAL\\((\\d+),', 1) AS INTEGER) << 16) "
        + "| CAST(regexp_extract(t, ',\\s*(\\d+)\\)', 1) AS INTEGER)) + 4 ELSE -1 END";
  }

  /** format_type(oid, typmod), PostgreSQL's names for every registry type. */
  static String formatType() {
    StringBuilder sql = new StringBuilder("CREATE OR REPLACE TEMP MACRO format_type(type_oid, typmod) AS CASE ");
    sql.append("WHEN type_oid IS NULL THEN NULL ");
    sql.append("WHEN type_oid = 1700 AND typmod >= 4 THEN 'numeric(' || ((typmod - 4) >> 16) || ',' || ((typmod - 4) & 65535) || ')' ");
    sql.append("WHEN type_oid = 1231 AND typmod >= 4 THEN 'numeric(' || ((typmod - 4) >> 16) || ',' || ((typmod - 4) & 65535) || ')[]' ");
    sql.append("WHEN type_oid IN (1043, 1042) AND typmod >= 4 THEN (CASE type_oid WHEN 1043 THEN 'character varying' ELSE 'character' END) "
        + "|| '(' || (typmod - 4) || ')' ");
    for (PgType type : PgTypes.all()) {
      sql.append("WHEN type_oid = ").append(type.oid()).append(" THEN '").append(type.formatType(-1).replace("'", "''")).append("' ");
    }
    // PostgreSQL types outside the registry (no DuckDB type maps to them) that tools still ask about.
    sql.append("WHEN type_oid = 1266 THEN 'time with time zone' WHEN type_oid = 1270 THEN 'time with time zone[]' ");
    return sql.append("ELSE '???' END").toString();
  }

  /** pg_type from the registry: the OIDs, names, lengths and array links clients join columns with. */
  static String pgType() {
    StringBuilder values = new StringBuilder();
    for (PgType type : PgTypes.all()) {
      if (values.length() > 0) {
        values.append(", ");
      }
      String name = type.name().replace("'", "''");
      String io = type.name().startsWith("_") ? "array" : name;
      values.append("(CAST(").append(type.oid()).append(" AS BIGINT), '").append(name).append("', CAST(")
          .append(type.typlen()).append(" AS SMALLINT), ").append(type.byValue()).append(", '")
          .append(type.category()).append("', CAST(").append(type.elementOid()).append(" AS BIGINT), CAST(")
          .append(type.arrayOid()).append(" AS BIGINT), '").append(io).append("in', '").append(io).append("out', '")
          .append(io).append("recv', '").append(io).append("send')");
    }
    return "CREATE OR REPLACE TEMP VIEW pg_type AS SELECT t.oid, t.typname, "
        + PgCatalogObjects.PG_CATALOG_OID + " AS typnamespace, CAST(10 AS BIGINT) AS typowner, "
        + "t.typlen, t.typbyval, CASE t.typcategory WHEN 'P' THEN 'p' ELSE 'b' END AS typtype, t.typcategory, false AS typispreferred, true AS typisdefined, ',' AS typdelim, "
        + "CAST(0 AS BIGINT) AS typrelid, CAST(NULL AS VARCHAR) AS typsubscript, t.typelem, t.typarray, t.typinput, t.typoutput, "
        + "t.typreceive, t.typsend, '-' AS typmodin, '-' AS typmodout, '-' AS typanalyze, 'i' AS typalign, "
        // PostgreSQL's storage: numeric "main", other variable-length types "extended", fixed-length ones "plain".
        + "CASE WHEN t.oid = 1700 THEN 'm' WHEN t.typlen = -1 THEN 'x' ELSE 'p' END AS typstorage, "
        + "false AS typnotnull, CAST(0 AS BIGINT) AS typbasetype, -1 AS typtypmod, 0 AS typndims, CAST(0 AS BIGINT) AS typcollation, "
        + "CAST(NULL AS VARCHAR) AS typdefaultbin, CAST(NULL AS VARCHAR) AS typdefault, CAST(NULL AS VARCHAR[]) AS typacl "
        + "FROM (VALUES " + values + ") t(oid, typname, typlen, typbyval, typcategory, typelem, typarray, typinput, typoutput, "
        + "typreceive, typsend)";
  }
}
