package io.analytics.gateway.dialect;

import java.util.List;

/**
 * The session's TEMP macros behind {@link OverlapsPredicate}: PostgreSQL 15's overlaps_timestamp
 * (timestamp.c) with its NULL rules. Each period's ends are ordered (one NULL end leaves the other as
 * the start and an unknown end); an interval end is a length added to the start. Periods that start
 * together overlap; otherwise the later start must come before the earlier period's end.
 */
public final class PgOverlapsMacros {
  static final String OVERLAPS = "pg_gateway_overlaps";
  private static final String ORDERED = "pg_gateway_overlaps_ordered";
  private static final String START = "least(%1$s, %2$s)";
  private static final String END = "CASE WHEN %1$s IS NULL OR %2$s IS NULL THEN NULL ELSE greatest(%1$s, %2$s) END";

  private PgOverlapsMacros() {}

  public static List<String> statements() {
    return List.of(
        "CREATE OR REPLACE TEMP MACRO " + ORDERED + "(a, b, c, d) AS CASE WHEN a IS NULL OR c IS NULL THEN NULL "
            + "WHEN a > c THEN CASE WHEN d IS NULL THEN NULL WHEN a < d THEN true WHEN b IS NULL THEN NULL ELSE false END "
            + "WHEN a < c THEN CASE WHEN b IS NULL THEN NULL WHEN c < b THEN true WHEN d IS NULL THEN NULL ELSE false END "
            + "ELSE CASE WHEN b IS NULL OR d IS NULL THEN NULL ELSE true END END",
        "CREATE OR REPLACE TEMP MACRO " + OVERLAPS + "(s1, e1 INTERVAL, s2, e2 INTERVAL) AS " + ordered("s1", "s1 + e1", "s2", "s2 + e2")
            + ", (s1, e1 INTERVAL, s2, e2) AS " + ordered("s1", "s1 + e1", "s2", "e2")
            + ", (s1, e1, s2, e2 INTERVAL) AS " + ordered("s1", "e1", "s2", "s2 + e2")
            + ", (s1, e1, s2, e2) AS " + ordered("s1", "e1", "s2", "e2"));
  }

  private static String ordered(String s1, String e1, String s2, String e2) {
    return ORDERED + "(" + String.format(START, s1, e1) + ", " + String.format(END, s1, e1) + ", " + String.format(START, s2, e2) + ", "
        + String.format(END, s2, e2) + ")";
  }
}
