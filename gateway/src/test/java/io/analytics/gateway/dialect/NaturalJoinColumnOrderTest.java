package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SELECT * over one NATURAL join lists the common columns first, found by preparing each side; other stars stay. */
class NaturalJoinColumnOrderTest {
  private final List<String> probed = new ArrayList<>();
  private final NaturalJoinColumnOrder stage = new NaturalJoinColumnOrder(query -> {
    probed.add(query);
    Map<String, List<String>> sides = Map.of(
        "SELECT * FROM a LIMIT 0", List.of("x", "K", "y"),
        "SELECT * FROM b LIMIT 0", List.of("z", "k"),
        "SELECT * FROM (SELECT k, 2 AS w FROM c) s LIMIT 0", List.of("k", "w"));
    return sides.get(query);
  });

  private String translate(String sql) {
    return stage.apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void theCommonColumnsComeFirst() {
    assertThat(translate("SELECT * FROM a NATURAL FULL OUTER JOIN b ORDER BY 1"))
        .isEqualTo("SELECT \"K\", * EXCLUDE (\"K\") FROM a NATURAL FULL OUTER JOIN b ORDER BY 1");
    assertThat(translate("SELECT * FROM a NATURAL JOIN (SELECT k, 2 AS w FROM c) s"))
        .isEqualTo("SELECT \"K\", * EXCLUDE (\"K\") FROM a NATURAL JOIN (SELECT k, 2 AS w FROM c) s");
    assertThat(probed).contains("SELECT * FROM a LIMIT 0", "SELECT * FROM b LIMIT 0");
  }

  @Test
  void otherFromClausesAreNotProbed() {
    for (String sql : new String[] {"SELECT * FROM a JOIN b USING (k)", "SELECT * FROM a NATURAL JOIN b NATURAL JOIN c",
        "SELECT * FROM a NATURAL JOIN b JOIN c ON true", "SELECT * FROM a, b NATURAL JOIN c", "SELECT a.* FROM a NATURAL JOIN b",
        "INSERT INTO t SELECT * FROM a NATURAL JOIN b"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
    assertThat(probed).isEmpty();
    assertThat(translate("SELECT * FROM a NATURAL JOIN unknown")).isEqualTo("SELECT * FROM a NATURAL JOIN unknown");
  }
}
