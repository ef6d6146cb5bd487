package io.analytics.gateway.naming;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.testing.ScratchDuckDb;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Names checked against what PostgreSQL 15 calls the same select lists (psql output). */
class PostgresColumnNamesTest {
  @RegisterExtension
  static final ScratchDuckDb DUCKDB = new ScratchDuckDb("CREATE TABLE t AS SELECT 1 AS a, 'x' AS b, [1, 2] AS l");

  @Test
  void aggregatesAndFunctionsAreNamedAfterTheFunction() {
    assertThat(names("SELECT count(*), count(a), sum(a), avg(a), lower(b), now() FROM t GROUP BY b"))
        .containsExactly("count", "count", "sum", "avg", "lower", "now");
    assertThat(names("SELECT count(*) OVER (), row_number() OVER (ORDER BY a) FROM t")).containsExactly("count", "row_number");
  }

  @Test
  void constantsAndOperatorsHaveNoName() {
    assertThat(names("SELECT 1, 'x', 1 + 2, a * 2, a = 1, NULL FROM t")).containsExactly(
        "?column?", "?column?", "?column?", "?column?", "?column?", "?column?");
    // Since PostgreSQL 15 TRUE is a boolean constant, no longer a cast of 't' to bool.
    assertThat(names("SELECT true, false AS f, NULL::boolean")).containsExactly("?column?", "f", "bool");
    assertThat(names("SELECT a = ANY([1, 2]), a IN (SELECT 1), a <> ALL([3]) FROM t")).containsExactly("?column?", "?column?", "?column?");
  }

  @Test
  void aCastToAnArrayIsNamedAfterItsElementType() {
    // PostgreSQL names a cast by the type as written, and int[] is int4 with array bounds.
    assertThat(names("SELECT NULL::int[], NULL::text[], NULL::int")).containsExactly("int4", "text", "int4");
  }

  @Test
  void operatorsAndKeywordSyntaxAreNamedAsWritten() {
    assertThat(names("SELECT b ~ 'x', regexp_matches(b, 'x'), extract(year FROM DATE '2024-01-01'), "
        + "date_part('year', DATE '2024-01-01'), trim(b), ltrim(b), position('x' IN b), upper (b), main.lower(b) FROM t"))
        .containsExactly("?column?", "regexp_matches", "extract", "date_part", "btrim", "ltrim", "position", "upper", "lower");
  }

  @Test
  void castsTakeTheirArgumentsNameOrElseTheTypesName() {
    assertThat(names("SELECT a::bigint, '1'::int, 1::text, count(*)::int, 2.5::numeric(5,2) FROM t GROUP BY a"))
        .containsExactly("a", "int4", "text", "count", "numeric");
  }

  @Test
  void keywordsAndSubqueriesAreNamedAsPostgresDoes() {
    assertThat(names("SELECT CASE WHEN a = 1 THEN 2 END, coalesce(a, 0), EXISTS (SELECT 1), (SELECT max(a) FROM t), "
        + "(SELECT 7), l[1], ARRAY[1] FROM t"))
        .containsExactly("case", "coalesce", "exists", "max", "?column?", "l", "array");
  }

  @Test
  void aliasesPlainColumnsAndStarsKeepTheirNames() {
    assertThat(names("SELECT *, count(*) OVER () AS total, b, a + 1 FROM t")).containsExactly("a", "b", "l", "total", "b", "?column?");
  }

  @Test
  void setOperationsTakeTheFirstBranchsNames() {
    assertThat(names("SELECT count(*) FROM t UNION ALL SELECT sum(a) FROM t")).containsExactly("count");
    assertThat(names("WITH c AS (SELECT a FROM t) SELECT max(a) FROM c")).containsExactly("max");
  }

  @Test
  void statementsDuckDbCannotSerializeKeepDuckDbsNames() {
    List<ResultColumn> columns = List.of(new ResultColumn("count_star()", "BIGINT"));
    assertThat(PostgresColumnNames.apply("PRAGMA version", columns, sql -> {
      throw new IllegalStateException("not a SELECT");
    })).isEqualTo(columns);
    assertThat(PostgresColumnNames.apply("SELECT 1", columns, sql -> "{\"error\":true}")).isEqualTo(columns);
  }

  /** DuckDB's result columns for the query, renamed. */
  private static List<String> names(String sql) {
    try (PreparedStatement statement = DUCKDB.connection().prepareStatement(sql)) {
      ResultSetMetaData metaData = statement.getMetaData();
      List<ResultColumn> columns = new ArrayList<>();
      for (int i = 1; i <= metaData.getColumnCount(); i++) {
        columns.add(new ResultColumn(metaData.getColumnLabel(i), metaData.getColumnTypeName(i)));
      }
      List<String> names = new ArrayList<>();
      for (ResultColumn column : PostgresColumnNames.apply(sql, columns, PostgresColumnNamesTest::parseTree)) {
        names.add(column.name());
      }
      return names;
    } catch (SQLException e) {
      throw new AssertionError(sql + ": " + e.getMessage(), e);
    }
  }

  private static String parseTree(String sql) {
    try (PreparedStatement statement = DUCKDB.connection().prepareStatement("SELECT json_serialize_sql(?)")) {
      statement.setString(1, sql);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
