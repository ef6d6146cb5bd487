package io.analytics.gateway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTableNamesTest {
  private static final Map<String, List<String>> OLTP = Map.of("oltp", List.of("public", "sales"));

  @Test
  void threePartNamesOfAMirroredSourceBecomeItsMirrorNames() {
    assertThat(SourceTableNames.rewrite("SELECT count(*) FROM oltp.public.orders", OLTP))
        .isEqualTo("SELECT count(*) FROM oltp.orders");
    assertThat(SourceTableNames.rewrite("SELECT * FROM OLTP.Sales.Orders o JOIN oltp.public.fills f USING (id)", OLTP))
        .isEqualTo("SELECT * FROM OLTP.sales__orders o JOIN oltp.fills f USING (id)");
    assertThat(SourceTableNames.rewrite("SELECT oltp.public.orders.id FROM \"oltp\".\"public\".\"Mixed Case\"", OLTP))
        .isEqualTo("SELECT oltp.orders.id FROM \"oltp\".\"Mixed Case\"");
  }

  @Test
  void otherNamesStringsAndCommentsAreLeftAlone() {
    for (String sql : List.of(
        "SELECT oltp.orders.order_id FROM oltp.orders",
        "SELECT 'oltp.public.orders' -- oltp.public.orders\n FROM t",
        "SELECT * FROM other.public.orders",
        "SELECT * FROM warehouse.oltp.public.orders",
        "SELECT * FROM oltp.private.orders")) {
      assertThat(SourceTableNames.rewrite(sql, OLTP)).as(sql).isEqualTo(sql);
    }
    assertThat(SourceTableNames.rewrite("SELECT * FROM oltp.public.orders", Map.of())).isEqualTo("SELECT * FROM oltp.public.orders");
  }

  @Test
  void namesOfALiveSourceBecomeItsCatalogsSchemaAndTable() {
    SourceTableNames live = new SourceTableNames(Map.of(), OLTP);
    assertThat(live.rewrite("SELECT count(*) FROM oltp.orders")).isEqualTo("SELECT count(*) FROM oltp.public.orders");
    assertThat(live.rewrite("SELECT * FROM oltp.sales__orders s JOIN \"oltp\".\"Mixed Case\" m USING (id)"))
        .isEqualTo("SELECT * FROM oltp.sales.orders s JOIN \"oltp\".public.\"Mixed Case\" m USING (id)");
    assertThat(live.rewrite("SELECT oltp.orders.order_id FROM oltp.orders"))
        .isEqualTo("SELECT oltp.public.orders.order_id FROM oltp.public.orders");
    for (String sql : List.of(
        "SELECT * FROM oltp.public.orders",
        "SELECT * FROM oltp.sales.orders",
        "SELECT 'oltp.orders' -- oltp.orders\n FROM t",
        "SELECT * FROM other.orders",
        "SELECT * FROM warehouse.oltp.orders")) {
      assertThat(live.rewrite(sql)).as(sql).isEqualTo(sql);
    }
    assertThat(new SourceTableNames(Map.of(), Map.of("oltp", List.of("sales"))).rewrite("SELECT * FROM oltp.orders"))
        .as("no public schema exposed: nothing to resolve to").isEqualTo("SELECT * FROM oltp.orders");
  }
}
