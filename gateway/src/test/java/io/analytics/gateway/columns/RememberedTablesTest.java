package io.analytics.gateway.columns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RememberedTablesTest {
  private final List<String> asked = new ArrayList<>();
  private final SelectListOrigins.Tables catalog = (catalogName, schema, name) -> {
    asked.add(schema + "." + name);
    return name.equals("missing") ? null : RelationColumns.ofTable(16_400, List.of("a", "b"));
  };

  @Test
  void asksTheCatalogOncePerName() {
    RememberedTables tables = new RememberedTables(catalog);

    RelationColumns first = tables.resolve("", "bronze", "trades");
    RelationColumns again = tables.resolve("", "bronze", "trades");
    tables.resolve("", "gold", "trades");

    assertThat(again).isSameAs(first);
    assertThat(asked).containsExactly("bronze.trades", "gold.trades");
  }

  @Test
  void remembersThatANameIsNotThere() {
    RememberedTables tables = new RememberedTables(catalog);

    assertThat(tables.resolve("", "", "missing")).isNull();
    assertThat(tables.resolve("", "", "missing")).isNull();

    assertThat(asked).containsExactly(".missing");
  }
}
