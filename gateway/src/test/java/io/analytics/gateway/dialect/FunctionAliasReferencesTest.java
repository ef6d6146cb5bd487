package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** The alias of a one-column JSON set-returning function, used as a value, is its column. */
class FunctionAliasReferencesTest {
  private static String translate(String sql) {
    return new FunctionAliasReferences().apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void aReferenceToTheAliasIsTheFunctionsColumn() {
    assertThat(translate("SELECT e FROM json_array_elements('[1,2]') AS e"))
        .isEqualTo("SELECT e.value AS e FROM json_array_elements('[1,2]') AS e");
    assertThat(translate("select e ->> 'a' from t, jsonb_array_elements(t.doc) e where e ->> 'b' = 'x' order by e"))
        .isEqualTo("select e.value ->> 'a' from t, jsonb_array_elements(t.doc) e where e.value ->> 'b' = 'x' order by e.value");
    assertThat(translate("select k, 1 from json_object_keys(j) k"))
        .isEqualTo("select k.json_object_keys AS k, 1 from json_object_keys(j) k");
  }

  @Test
  void qualifiedReferencesColumnListsAndOtherFunctionsAreLeftAlone() {
    for (String sql : new String[] {"select e.value from json_array_elements(j) e", "select x from json_array_elements(j) as e(x)",
        "select * from json_array_elements(j) where true", "select e from json_each(j) e", "select e from t e"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
  }
}
