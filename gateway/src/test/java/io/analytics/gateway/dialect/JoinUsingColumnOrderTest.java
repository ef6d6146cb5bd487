package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** SELECT * over joins that all share one USING list puts the merged columns first, as PostgreSQL does; other stars stay. */
class JoinUsingColumnOrderTest {
  private static String translate(String sql) {
    return new JoinUsingColumnOrder().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void starOverUsingJoinListsTheMergedColumnsFirst() {
    assertThat(translate("SELECT * FROM J1_TBL t1 (a, b, c) JOIN J2_TBL t2 (a, b) USING (b) ORDER BY b, t1.a"))
        .isEqualTo("SELECT b, * EXCLUDE (b) FROM J1_TBL t1 (a, b, c) JOIN J2_TBL t2 (a, b) USING (b) ORDER BY b, t1.a");
    assertThat(translate("select *, 1 from a full outer join b using (k, \"J\") where x"))
        .isEqualTo("select k, \"J\", * EXCLUDE (k, \"J\"), 1 from a full outer join b using (k, \"J\") where x");
    assertThat(translate("SELECT * FROM t1 FULL JOIN t2 USING (name) FULL JOIN t3 USING (NAME)"))
        .isEqualTo("SELECT name, * EXCLUDE (name) FROM t1 FULL JOIN t2 USING (name) FULL JOIN t3 USING (NAME)");
  }

  @Test
  void starInsideASubqueryIsRewrittenForItsOwnFromClause() {
    assertThat(translate("SELECT x FROM (SELECT DISTINCT * FROM a LEFT JOIN b USING (k)) s, c"))
        .isEqualTo("SELECT x FROM (SELECT DISTINCT k, * EXCLUDE (k) FROM a LEFT JOIN b USING (k)) s, c");
    assertThat(translate("SELECT * FROM (SELECT * FROM t2) s2 RIGHT JOIN (SELECT * FROM t3) s3 USING (name)"))
        .isEqualTo("SELECT name, * EXCLUDE (name) FROM (SELECT * FROM t2) s2 RIGHT JOIN (SELECT * FROM t3) s3 USING (name)");
  }

  @Test
  void otherJoinsAndStarsStayAsWritten() {
    for (String sql : new String[] {
        "SELECT * FROM a JOIN b USING (k) JOIN c USING (j)",
        "SELECT * FROM a JOIN b USING (k) JOIN c ON c.k = a.k",
        "SELECT * FROM a NATURAL JOIN b JOIN c USING (k)",
        "SELECT * FROM a, b JOIN c USING (k)",
        "SELECT * FROM a CROSS JOIN b JOIN c USING (k)",
        "SELECT a.* FROM a JOIN b USING (k)",
        "SELECT count(*) FROM a JOIN b USING (k)",
        "SELECT * EXCLUDE (x) FROM a JOIN b USING (k)",
        "SELECT * FROM a JOIN b ON a.k = b.k",
        "SELECT * FROM (a JOIN b USING (k)) j",
        "DELETE FROM a USING b WHERE a.k = b.k",
        "SELECT 'SELECT * FROM a JOIN b USING (k)'"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
