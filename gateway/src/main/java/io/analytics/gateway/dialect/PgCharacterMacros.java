package io.analytics.gateway.dialect;

import java.util.List;

/**
 * The session's TEMP macros behind {@link CharacterCasts}: a cast to {@code char(n)} cuts the value
 * to n characters and keeps it without trailing blanks (PostgreSQL's bpchar ignores them in
 * comparisons, grouping and every conversion to text; the writer pads the value for output, see
 * DeclaredColumnType), a cast to {@code varchar(n)} cuts it to n characters, as PostgreSQL's
 * explicit casts do without an error. A cast to {@code "char"}, PostgreSQL's one-byte type, keeps one
 * byte as PostgreSQL's charin reads it and shows it as its charout does.
 */
public final class PgCharacterMacros {
  public static final String BPCHAR = "pg_gateway_bpchar";
  public static final String VARCHAR = "pg_gateway_varchar";
  public static final String CHAR = "pg_gateway_char";
  /** The first character's code point of a "char" cast's text. */
  private static final String CODE = "unicode(CAST(x AS VARCHAR))";
  /** The byte an escape {@code \\ooo} names. */
  private static final String OCTAL = "((ascii(substr(x, 2, 1)) - 48) * 64 + (ascii(substr(x, 3, 1)) - 48) * 8 + ascii(substr(x, 4, 1)) - 48)";

  private PgCharacterMacros() {}

  public static List<String> statements() {
    return List.of(
        "CREATE OR REPLACE TEMP MACRO " + BPCHAR + "(x, n) AS rtrim(left(CAST(x AS VARCHAR), n), ' ')",
        "CREATE OR REPLACE TEMP MACRO " + VARCHAR + "(x, n) AS left(CAST(x AS VARCHAR), n)",
        // "char" is one byte: \ooo names it, else the text's first byte; PostgreSQL prints a byte of 128 or more as \ooo and 0 as
        // nothing. A multi-byte character's first byte comes from its code point (UTF-8's lead byte).
        "CREATE OR REPLACE TEMP MACRO " + CHAR + "(x) AS CASE WHEN regexp_full_match(CAST(x AS VARCHAR), '\\\\[0-3][0-7]{2}') THEN "
            + "(CASE WHEN " + OCTAL + " = 0 THEN '' WHEN " + OCTAL + " >= 128 THEN CAST(x AS VARCHAR) ELSE chr(" + OCTAL + ") END) "
            + "WHEN CAST(x AS VARCHAR) = '' OR " + CODE + " < 128 THEN left(CAST(x AS VARCHAR), 1) "
            + "ELSE '\\' || printf('%03o', CASE WHEN " + CODE + " < 2048 THEN 192 | (" + CODE + " >> 6) WHEN " + CODE + " < 65536 THEN 224 | ("
            + CODE + " >> 12) ELSE 240 | (" + CODE + " >> 18) END) END");
  }
}
