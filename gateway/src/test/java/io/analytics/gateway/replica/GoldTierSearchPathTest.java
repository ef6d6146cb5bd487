package io.analytics.gateway.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GoldTierSearchPathTest {
  private final GoldTierSearchPath routing = new GoldTierSearchPath("app", "lake");

  @Test
  void goldIsTheViewsCatalogsAndEveryOtherSchemaTheInstancesOwn() {
    assertThat(routing.duckDbSearchPath(List.of("main"))).isEqualTo("app.main,lake.gold");
    assertThat(routing.duckDbSearchPath(List.of("gold", "main"))).isEqualTo("lake.gold,app.main");
  }

  @Test
  void anEmptyPathIsMainAndOddNamesAreQuoted() {
    assertThat(routing.duckDbSearchPath(List.of())).isEqualTo("app.main,lake.gold");
    assertThat(routing.duckDbSearchPath(List.of("My schema"))).isEqualTo("app.\"My schema\",lake.gold");
  }
}
