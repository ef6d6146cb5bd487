package io.analytics.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.GatewayConfig;
import io.analytics.catalog.config.LimitsConfig;
import io.analytics.catalog.config.PlatformConfig;
import org.junit.jupiter.api.Test;

class QueryMemoryBudgetTest {
  private static PlatformConfig limits(String queryMemory, int concurrent) {
    return PlatformConfig.defaults().withGateway(GatewayConfig.defaults().withLimits(
        LimitsConfig.defaults().withQueryMemory(queryMemory, concurrent)));
  }

  @Test
  void duckDbsLimitIsQueryMemoryTimesConcurrentQueries() {
    PlatformConfig config = QueryMemoryBudget.apply(limits("256MB", 4));
    assertThat(config.duckdb().memoryLimit()).isEqualTo("1024000000B");
    assertThat(QueryMemoryBudget.describe(limits("256MiB", 4))).contains("1.0 GiB").contains("maxConcurrentQueries 4");
  }

  @Test
  void anExplicitMemoryLimitWins() {
    PlatformConfig explicit = limits("256MB", 4).withDuckDb(DuckDbConfig.defaults().withMemoryLimit("3GB"));
    assertThat(QueryMemoryBudget.apply(explicit).duckdb().memoryLimit()).isEqualTo("3GB");
  }

  @Test
  void withoutAConcurrencyLimitOrQueryMemoryNothingIsDerived() {
    assertThat(QueryMemoryBudget.apply(limits("256MB", 0)).duckdb().memoryLimit()).isNull();
    assertThat(QueryMemoryBudget.describe(limits("256MB", 0))).contains("set gateway.limits.maxConcurrentQueries");
    assertThat(QueryMemoryBudget.apply(PlatformConfig.defaults()).duckdb().memoryLimit()).isNull();
  }
}
