package io.analytics.gateway.pgcatalog;

import java.util.List;

/**
 * pg_stat_all_tables and pg_stat_user_tables: Metabase reads a table's estimated row count from
 * n_live_tup, other tools list tables through them. The live rows are pg_class's reltuples (for
 * the lake, from the Parquet footers); the gateway counts no scans, inserts or vacuums, so those
 * columns are 0 or null, as on a server whose statistics were just reset.
 */
final class PgStatTables {
  private PgStatTables() {}

  /** Needs pg_class and pg_namespace. */
  static List<String> statements() {
    return List.of(
        "CREATE OR REPLACE TEMP VIEW pg_stat_all_tables AS SELECT CAST(c.oid AS BIGINT) AS relid, n.nspname AS schemaname, c.relname, "
            + "CAST(0 AS BIGINT) AS seq_scan, CAST(NULL AS TIMESTAMPTZ) AS last_seq_scan, CAST(0 AS BIGINT) AS seq_tup_read, "
            + "CAST(NULL AS BIGINT) AS idx_scan, CAST(NULL AS TIMESTAMPTZ) AS last_idx_scan, CAST(NULL AS BIGINT) AS idx_tup_fetch, "
            + "CAST(0 AS BIGINT) AS n_tup_ins, CAST(0 AS BIGINT) AS n_tup_upd, CAST(0 AS BIGINT) AS n_tup_del, "
            + "CAST(0 AS BIGINT) AS n_tup_hot_upd, CAST(0 AS BIGINT) AS n_tup_newpage_upd, "
            + "CAST(greatest(c.reltuples, 0) AS BIGINT) AS n_live_tup, CAST(0 AS BIGINT) AS n_dead_tup, "
            + "CAST(0 AS BIGINT) AS n_mod_since_analyze, CAST(0 AS BIGINT) AS n_ins_since_vacuum, "
            + "CAST(NULL AS TIMESTAMPTZ) AS last_vacuum, CAST(NULL AS TIMESTAMPTZ) AS last_autovacuum, "
            + "CAST(NULL AS TIMESTAMPTZ) AS last_analyze, CAST(NULL AS TIMESTAMPTZ) AS last_autoanalyze, "
            + "CAST(0 AS BIGINT) AS vacuum_count, CAST(0 AS BIGINT) AS autovacuum_count, "
            + "CAST(0 AS BIGINT) AS analyze_count, CAST(0 AS BIGINT) AS autoanalyze_count "
            + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'm', 'p')",
        "CREATE OR REPLACE TEMP VIEW pg_stat_user_tables AS SELECT * FROM pg_stat_all_tables "
            + "WHERE schemaname NOT IN ('pg_catalog', 'information_schema')");
  }
}
