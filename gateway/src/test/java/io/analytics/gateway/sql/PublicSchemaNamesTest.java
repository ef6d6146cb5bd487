package io.analytics.gateway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PublicSchemaNamesTest {
  @Test
  void publicQualifiedNamesBecomeTheWarehousesMainSchema() {
    assertThat(PublicSchemaNames.rewrite("SELECT * FROM public.orders")).isEqualTo("SELECT * FROM main.orders");
    assertThat(PublicSchemaNames.rewrite("SELECT \"public\".orders.id FROM PUBLIC.orders"))
        .isEqualTo("SELECT main.orders.id FROM main.orders");
    assertThat(PublicSchemaNames.rewrite("CREATE TABLE public.t (x INTEGER); INSERT INTO public.t VALUES (1)"))
        .isEqualTo("CREATE TABLE main.t (x INTEGER); INSERT INTO main.t VALUES (1)");
  }

  @Test
  void otherUsesOfTheWordAreLeftAlone() {
    for (String sql : List.of(
        "SET search_path = public, gold",
        "SELECT * FROM oltp.public.orders",
        "SELECT 'public.orders' -- public.orders\n FROM t",
        "SELECT * FROM main.orders",
        "SELECT * FROM \"Public\".orders",
        "SELECT public_x.y FROM public_x")) {
      assertThat(PublicSchemaNames.rewrite(sql)).as(sql).isEqualTo(sql);
    }
  }
}
