package io.analytics.gateway.dialect;

import java.util.List;

/**
 * The session's TEMP macros behind {@link CharacterCasts}: a cast to {@code char(n)} cuts the value
 * to n characters and keeps it without trailing blanks (PostgreSQL's bpchar ignores them in
 * comparisons, grouping and every conversion to text; the writer pads the value for output, see
 * DeclaredColumnType), a cast to {@code varchar(n)} cuts it to n characters, as PostgreSQL's
 * explicit casts do without an error.
 */
public final class PgCharacterMacros {
  public static final String BPCHAR = "pg_gateway_bpchar";
  public static final String VARCHAR = "pg_gateway_varchar";

  private PgCharacterMacros() {}

  public static List<String> statements() {
    return List.of(
        "CREATE OR REPLACE TEMP MACRO " + BPCHAR + "(x, n) AS rtrim(left(CAST(x AS VARCHAR), n), ' ')",
        "CREATE OR REPLACE TEMP MACRO " + VARCHAR + "(x, n) AS left(CAST(x AS VARCHAR), n)");
  }
}
