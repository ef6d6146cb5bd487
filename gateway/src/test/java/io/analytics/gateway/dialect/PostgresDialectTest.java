package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The dialect stages, each on the SQL it rewrites, the SQL it must leave alone, and the input it refuses. */
class PostgresDialectTest {
  @Test
  void byteaHexAndEscapeLiteralsBecomeTheSameBytes() {
    assertThat(translate("SELECT '\\x0001ff'::bytea, octet_length('\\x0001FF'::bytea)"))
        .isEqualTo("SELECT CAST('\\x00\\x01\\xFF' AS BLOB), CAST(octet_length(CAST('\\x00\\x01\\xFF' AS BLOB)) AS INTEGER)");
    assertThat(translate("SELECT '\\x'::bytea, CAST('a\\000b\\\\' AS bytea), bytea 'it''s'"))
        .isEqualTo("SELECT CAST('' AS BLOB), CAST('a\\x00b\\x5C' AS BLOB), CAST('it\\x27s' AS BLOB)");
    assertThat(translate("SELECT '\\x41 42'::bytea")).isEqualTo("SELECT CAST('AB' AS BLOB)");
    assertThat(translate("SELECT ('\\x01')::bytea")).isEqualTo("SELECT CAST('\\x01' AS BLOB)");
  }

  @Test
  void invalidByteaInputIsRefusedAsPostgresRefusesIt() {
    assertRefused("SELECT '\\x0'::bytea", SqlState.INVALID_PARAMETER_VALUE);
    assertRefused("SELECT '\\xzz'::bytea", SqlState.INVALID_PARAMETER_VALUE);
    assertRefused("SELECT '\\q'::bytea", SqlState.INVALID_TEXT_REPRESENTATION);
  }

  @Test
  void unconstrainedNumericLiteralsGetTheirExactDecimal() {
    assertThat(translate("SELECT '0.0001'::numeric, 1.23456::numeric, '12.34'::NUMERIC, CAST(12345678901234567890.5 AS numeric)"))
        .isEqualTo("SELECT CAST('0.0001' AS DECIMAL(5,4)), CAST(1.23456 AS DECIMAL(6,5)), CAST('12.34' AS DECIMAL(4,2)), "
            + "CAST(12345678901234567890.5 AS DECIMAL(21,1))");
    assertThat(translate("SELECT numeric '1e3', 42::decimal")).isEqualTo("SELECT CAST('1e3' AS DECIMAL(4,0)), CAST(42 AS DECIMAL(2,0))");
  }

  @Test
  void constrainedNumericAndExpressionsAreLeftToDuckDb() {
    String sql = "SELECT '1.005'::numeric(10,2), CAST(x AS numeric), x::numeric FROM t";
    assertThat(translate(sql)).isEqualTo(sql);
  }

  @Test
  void numericThatDecimalCannotHoldIsAnErrorNeverARounding() {
    assertThatThrownBy(() -> translate("SELECT '" + "9".repeat(39) + "'::numeric"))
        .satisfies(e -> assertThat(((PlatformException) e).sqlState()).isEqualTo(SqlState.NUMERIC_VALUE_OUT_OF_RANGE));
    assertRefused("SELECT 'NaN'::numeric", SqlState.FEATURE_NOT_SUPPORTED);
    assertRefused("SELECT 'abc'::numeric", SqlState.INVALID_TEXT_REPRESENTATION);
  }

  @Test
  void floatIsDoublePrecisionAndFloatPFollowsItsPrecision() {
    assertThat(translate("SELECT 3.141592653589793::float, CAST(x AS FLOAT), 1::float(24), 1::float(53), t.float FROM t"))
        .isEqualTo("SELECT 3.141592653589793::DOUBLE, CAST(x AS DOUBLE), 1::REAL, 1::DOUBLE, t.float FROM t");
    assertRefused("SELECT 1::float(54)", SqlState.INVALID_PARAMETER_VALUE);
  }

  @Test
  void integerInputIsCheckedAsPostgresReadsIt() {
    assertThat(translate("SELECT ' 12 '::int4, 1.5::int, '-3'::bigint")).isEqualTo("SELECT ' 12 '::int4, 1.5::int, '-3'::bigint");
    assertRefused("SELECT '1.5'::int", SqlState.INVALID_TEXT_REPRESENTATION);
    assertRefused("SELECT CAST('40000' AS smallint)", SqlState.NUMERIC_VALUE_OUT_OF_RANGE);
    assertThatThrownBy(() -> translate("select '1.5'::int"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.position()).as("at the literal, as PostgreSQL says").isEqualTo(8));
  }

  @Test
  void generateSeriesInASelectListBecomesRows() {
    assertThat(translate("SELECT generate_series(1, 3), x FROM generate_series(1, 2) g(x)"))
        .isEqualTo("SELECT CAST(unnest(generate_series(1, 3)) AS INTEGER), x FROM "
            + "(SELECT CAST(generate_series AS INTEGER) AS generate_series FROM generate_series(1, 2)) g(x)");
    assertThat(translate("SELECT g FROM generate_series(1, 2) AS g JOIN generate_series(1, 2) h ON true, generate_series(1, 2) WHERE true"))
        .isEqualTo("SELECT g FROM (SELECT CAST(generate_series AS INTEGER) AS g FROM generate_series(1, 2)) AS g JOIN "
            + "(SELECT CAST(generate_series AS INTEGER) AS h FROM generate_series(1, 2)) h ON true, "
            + "(SELECT CAST(generate_series AS INTEGER) AS generate_series FROM generate_series(1, 2)) WHERE true");
    assertThat(translate("SELECT * FROM t, generate_series(1, t.n), generate_series(1, 5000000000), generate_series(1, 2) WITH ORDINALITY"))
        .isEqualTo("SELECT * FROM t, generate_series(1, t.n), generate_series(1, 5000000000), generate_series(1, 2) WITH ORDINALITY");
    assertThat(translate("SELECT generate_series(1, 5000000000), (SELECT generate_series(a, b) FROM t)"))
        .isEqualTo("SELECT unnest(generate_series(1, 5000000000)), (SELECT unnest(generate_series(a, b)) FROM t)");
    assertThat(translate("SELECT * FROM t WHERE x IN (SELECT generate_series(1, 2))"))
        .isEqualTo("SELECT * FROM t WHERE x IN (SELECT CAST(unnest(generate_series(1, 2)) AS INTEGER))");
  }

  @Test
  void arrayLiteralsBecomeDuckDbListText() {
    assertThat(translate("SELECT '{1,2,3}'::int[], CAST('{a,\"b c\",NULL}' AS text[]), '{}'::integer[]"))
        .isEqualTo("SELECT '[1, 2, 3]'::int[], CAST('[''a'', ''b c'', NULL]' AS text[]), '[]'::integer[]");
    assertThat(translate("SELECT ('{1,3}')::int[], CAST(('{1}') AS int[])")).isEqualTo("SELECT ('[1, 3]')::int[], CAST(('[1]') AS int[])");
    assertRefused("SELECT '{1,2'::int[]", SqlState.INVALID_TEXT_REPRESENTATION);
    String notAnArray = "SELECT '{1}'::text, '{2}'::varchar";
    assertThat(translate(notAnArray)).isEqualTo(notAnArray);
  }

  @Test
  void secondsKeepTheirFraction() {
    assertThat(translate("SELECT extract(second FROM ts), EXTRACT(SECOND FROM (ts)), date_part('second', ts), extract(minute FROM ts) FROM t"))
        .isEqualTo("SELECT (CAST(extract(microseconds FROM ts) AS DECIMAL(18,0)) * CAST(0.000001 AS DECIMAL(7,6))), "
            + "(CAST(extract(microseconds FROM (ts)) AS DECIMAL(18,0)) * CAST(0.000001 AS DECIMAL(7,6))), "
            + "(CAST(date_part('microseconds', ts) AS DOUBLE) / 1000000), extract(minute FROM ts) FROM t");
  }

  @Test
  void regexpMatchesBecomesRowsOfTextArraysOrIsRefused() {
    assertThat(translate("SELECT regexp_matches('hello', 'l+')"))
        .isEqualTo("SELECT unnest(CASE WHEN regexp_matches('hello', 'l+') THEN [[regexp_extract('hello', 'l+')]] ELSE [] END)");
    assertThat(translate("SELECT regexp_matches(s, '(a)(?:b)(c)') FROM t"))
        .isEqualTo("SELECT unnest(CASE WHEN regexp_matches(s, '(a)(?:b)(c)') THEN [[regexp_extract(s, '(a)(?:b)(c)', 1), "
            + "regexp_extract(s, '(a)(?:b)(c)', 2)]] ELSE [] END) FROM t");
    assertThat(translate("SELECT regexp_matches(s, 'a+', 'g') FROM t"))
        .isEqualTo("SELECT unnest(list_transform(regexp_extract_all(s, 'a+'), lambda m: [m])) FROM t");
    assertRefused("SELECT regexp_matches(s, p) FROM t", SqlState.FEATURE_NOT_SUPPORTED);
    assertRefused("SELECT regexp_matches(s, '(a)', 'g') FROM t", SqlState.FEATURE_NOT_SUPPORTED);
    assertRefused("SELECT regexp_matches(s, 'a', 'i') FROM t", SqlState.FEATURE_NOT_SUPPORTED);
  }

  @Test
  void regexpMatchesAnswersNullForAGroupThatTookNoPart() {
    assertThat(translate("SELECT regexp_matches(s, '(b)(.+)?') FROM t"))
        .isEqualTo("SELECT unnest(CASE WHEN regexp_matches(s, '(b)(.+)?') THEN [[regexp_extract(s, '(b)(.+)?', 1), "
            + "nullif(regexp_extract(s, '(b)(.+)?', 2), '')]] ELSE [] END) FROM t");
    assertRefused("SELECT regexp_matches(s, '(b)(.*)?') FROM t", SqlState.FEATURE_NOT_SUPPORTED);
  }

  @Test
  void aCallOfALiteralIsNotALiteralCast() {
    String sql = "SELECT pg_regclass('pg_class')::BIGINT::int8, f('{1}')::int[], g('\\x01')::bytea, h('1.5')::numeric";
    assertThat(translate(sql)).isEqualTo(sql);
    assertThat(translate("SELECT ('1.5')::numeric WHERE ('{1}')::int[] IS NOT NULL"))
        .isEqualTo("SELECT CAST('1.5' AS DECIMAL(2,1)) WHERE ('[1]')::int[] IS NOT NULL");
  }

  @Test
  void int4FunctionsAreCastToInteger() {
    assertThat(translate("SELECT length(name), position('b' IN s), octet_length('abc'), octet_length(b), t.length FROM t"))
        .isEqualTo("SELECT CAST(length(name) AS INTEGER), CAST(position('b' IN s) AS INTEGER), CAST(strlen('abc') AS INTEGER), "
            + "CAST(octet_length(b) AS INTEGER), t.length FROM t");
  }

  @Test
  void aDeclaredNumericParameterKeepsItsOwnScale() {
    SqlStatement statement = SqlStatement.parse("SELECT $1::numeric, CAST($2 AS numeric), $1::numeric(10,2), $3::numeric");
    assertThat(NumericParameters.apply(statement, List.of(1700, 1700, 0)).sql())
        .isEqualTo("SELECT ($1), ($2), $1::numeric(10,2), CAST($3 AS DECIMAL(38,10))");
    assertThat(NumericParameters.apply(SqlStatement.parse("SELECT $1::numeric, $2::numeric"), List.of(25)).sql())
        .isEqualTo("SELECT CAST($1 AS DECIMAL(38,10)), CAST($2 AS DECIMAL(38,10))");
    assertThat(translate("SELECT $1::numeric")).isEqualTo("SELECT $1::numeric");
    // pgjdbc in simple query mode inlines setBigDecimal so:
    assertThat(translate("SELECT ('0.0001'::numeric)::numeric AS n, CAST(('1.5'::numeric) AS numeric) AS d, ('2'::numeric)::numeric(5,1)"))
        .isEqualTo("SELECT CAST('0.0001' AS DECIMAL(5,4)) AS n, CAST('1.5' AS DECIMAL(2,1)) AS d, (CAST('2' AS DECIMAL(1,0)))::numeric(5,1)");
  }

  @Test
  void aNumericCastRoundedAfterwardsKeepsTenDecimals() {
    assertThat(translate("SELECT round(avg(x)::numeric, 2), trunc(CAST(y AS NUMERIC)), round(f(a, b)::numeric), round(z::numeric(10,4), 2) FROM t"))
        .isEqualTo("SELECT round(avg(x)::DECIMAL(38,10), 2), trunc(CAST(y AS DECIMAL(38,10))), round(f(a, b)::DECIMAL(38,10)), "
            + "round(z::numeric(10,4), 2) FROM t");
    assertThat(translate("SELECT round(x, 2), round(x::numeric + 1, 2) FROM t")).isEqualTo("SELECT round(x, 2), round(x::numeric + 1, 2) FROM t");
  }

  @Test
  void stringsAndCommentsAreNeverRewritten() {
    String sql = "SELECT 'x::float', '\\x01'::text, 'generate_series(1,2)' /* 1::float */";
    assertThat(translate(sql)).isEqualTo(sql);
  }

  @Test
  void anyOverAnUntypedArrayParameterGetsTheElementTypeDuckDbInfers() {
    AtomicReference<String> probed = new AtomicReference<>();
    AnyArrayParameters stage = new AnyArrayParameters(sql -> {
      probed.set(sql);
      return List.of("INTEGER", "VARCHAR");
    });
    SqlStatement rewritten = stage.apply(SqlStatement.parse("SELECT 1 FROM t WHERE id = ANY($1) AND name <> ALL ($2)"), List.of());
    assertThat(probed.get()).isEqualTo("SELECT 1 FROM t WHERE id = ($1) AND name <> ($2)");
    assertThat(rewritten.sql()).isEqualTo("SELECT 1 FROM t WHERE id = ANY(CAST($1 AS INTEGER[])) AND name <> ALL (CAST($2 AS VARCHAR[]))");
  }

  @Test
  void anyOverADeclaredArrayTypeOrAnUnknownElementType() {
    AnyArrayParameters unknown = new AnyArrayParameters(sql -> List.of("UNKNOWN"));
    assertThat(unknown.apply(SqlStatement.parse("SELECT $1 = ANY($1)"), List.of()).sql()).isEqualTo("SELECT $1 = ANY(CAST($1 AS VARCHAR[]))");
    String declared = "SELECT 1 WHERE 1 = ANY($1)";
    assertThat(unknown.apply(SqlStatement.parse(declared), List.of(1007)).sql()).isEqualTo(declared);
  }

  private static void assertRefused(String sql, SqlState state) {
    assertThatThrownBy(() -> translate(sql)).isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(state));
  }

  private static String translate(String sql) {
    return PostgresDialect.translate(SqlStatement.parse(sql)).sql();
  }
}
