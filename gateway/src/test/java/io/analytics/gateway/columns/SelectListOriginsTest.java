package io.analytics.gateway.columns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.gateway.testing.ScratchDuckDb;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which select-list items come straight from a table, read from DuckDB's own parse tree. */
class SelectListOriginsTest {
  private static final Map<String, RelationColumns> TABLES = Map.of(
      "a", RelationColumns.ofTable(100, List.of("id", "name")),
      "b", RelationColumns.ofTable(200, List.of("id", "qty")));
  @RegisterExtension static final ScratchDuckDb DUCKDB = new ScratchDuckDb();

  @Test
  void plainAndRenamedReferencesComeFromTheirTable() throws Exception {
    assertThat(origins("SELECT name, id AS key, id + 1, 'x' FROM a"))
        .containsExactly(origin(100, 2), origin(100, 1), ColumnOrigin.NONE, ColumnOrigin.NONE);
  }

  @Test
  void starsExpandAndUsingColumnsAreMergedOnce() throws Exception {
    assertThat(origins("SELECT * FROM a JOIN b USING (id)")).containsExactly(origin(100, 1), origin(100, 2), origin(200, 2));
    assertThat(origins("SELECT * FROM a RIGHT JOIN b USING (id)")).first().isEqualTo(origin(200, 1));
    assertThat(origins("SELECT * FROM a FULL JOIN b USING (id)")).first().isEqualTo(ColumnOrigin.NONE);
    assertThat(origins("SELECT b.* EXCLUDE (id), x.name FROM a x, b")).containsExactly(origin(200, 2), origin(100, 2));
  }

  @Test
  void subqueriesAndCtesPassTheirOriginsOn() throws Exception {
    assertThat(origins("SELECT s.n FROM (SELECT name AS n FROM a) s")).containsExactly(origin(100, 2));
    assertThat(origins("WITH c(k) AS (SELECT id FROM b) SELECT k FROM c")).containsExactly(origin(200, 1));
  }

  @Test
  void setOperationsHaveNoOrigin() throws Exception {
    assertThat(origins("SELECT id FROM a UNION SELECT id FROM b")).containsExactly(ColumnOrigin.NONE);
  }

  @Test
  void aStarOverAnUnknownRelationGivesUp() throws Exception {
    assertThat(origins("SELECT * FROM a, range(3) r")).isNull();
    assertThat(origins("SELECT a.id, r.range FROM a, range(3) r")).containsExactly(origin(100, 1), ColumnOrigin.NONE);
  }

  private static ColumnOrigin origin(int table, int attribute) {
    return new ColumnOrigin(table, (short) attribute);
  }

  private static List<ColumnOrigin> origins(String sql) throws Exception {
    try (PreparedStatement statement = DUCKDB.connection().prepareStatement("SELECT json_serialize_sql(?)")) {
      statement.setString(1, sql);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return new SelectListOrigins((catalog, schema, name) -> TABLES.get(name))
            .origins(new ObjectMapper().readTree(rows.getString(1)));
      }
    }
  }
}
