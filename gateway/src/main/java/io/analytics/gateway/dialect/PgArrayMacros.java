package io.analytics.gateway.dialect;

import java.util.List;

/**
 * The session's TEMP macros for arrays: {@link ArrayAggregateChecks}' checks of array_agg's values and result, and
 * PostgreSQL's {@code array_fill} for one dimension (more are refused with 0A000, as are lower bounds other than 1). A value's type decides with {@code typeof}, which DuckDB folds to
 * a constant, so values of other types pass through unchanged.
 */
public final class PgArrayMacros {
  static final String ELEMENT = "pg_gateway_array_agg_value";
  static final String CHECKED = "pg_gateway_array_agg_result";

  /**
   * An array's shape as its JSON text without strings and scalars: {@code [,]} for two elements, {@code [[,],[,]]} for
   * two by two; arrays that PostgreSQL accumulates together have the same one.
   */
  private static final String SHAPE = "regexp_replace(regexp_replace(CAST(system.main.to_json(e) AS VARCHAR), "
      + "'\"(\\\\.|[^\"\\\\])*\"', '', 'g'), '[^\\[\\],]', '', 'g')";

  private static final String FILL = "CASE WHEN d IS NULL THEN error('[22004] dimension array or low bound array cannot be null') "
      + "WHEN len(d) > 1 THEN error('[0A000] array_fill of more than one dimension is not supported by the gateway') "
      + "WHEN len(d) = 1 AND d[1] IS NULL THEN error('[22004] dimension values cannot be null') "
      + "WHEN len(d) = 1 AND d[1] < 0 THEN error('[54000] array size exceeds the maximum allowed (134217727)') "
      + "ELSE list_transform(range(CASE WHEN len(d) = 0 THEN 0 ELSE d[1] END), lambda i: v) END";

  private PgArrayMacros() {}

  public static List<String> statements() {
    return List.of(
        "CREATE OR REPLACE TEMP MACRO " + ELEMENT + "(x) AS CASE WHEN typeof(x) LIKE '%[]' THEN CASE "
            + "WHEN x IS NULL THEN error('[22004] cannot accumulate null arrays') "
            + "WHEN CAST(x AS VARCHAR) = '[]' THEN error('[2202E] cannot accumulate empty arrays') ELSE x END ELSE x END",
        "CREATE OR REPLACE TEMP MACRO " + CHECKED + "(r) AS CASE WHEN typeof(r) LIKE '%[][]' "
            + "AND len(list_distinct(list_transform(r, lambda e: " + SHAPE + "))) > 1 "
            + "THEN error('[2202E] cannot accumulate arrays of different dimensionality') ELSE r END",
        // array_fill(value, dims [, lower bounds]) of one dimension: a list's type holds its dimensions, so more are refused.
        "CREATE OR REPLACE TEMP MACRO array_fill(v, d) AS " + FILL + ", "
            + "(v, d, lb) AS CASE WHEN lb IS NULL THEN error('[22004] dimension array or low bound array cannot be null') "
            + "WHEN len(lb) <> len(d) THEN error('[2202E] wrong number of array subscripts') "
            + "WHEN list_bool_or(list_transform(lb, lambda b: b IS DISTINCT FROM 1)) "
            + "THEN error('[0A000] array_fill with lower bounds other than 1 is not supported by the gateway') ELSE " + FILL + " END");
  }
}
