package io.analytics.catalog.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServingInstanceTest {
  @Test
  void aPrimarysInstancesSplitTheBudgetWritersTakingHalf() {
    assertThat(ServingInstance.WRITERS.shareOf("40%")).isEqualTo("20%");
    assertThat(ServingInstance.ANALYSTS.shareOf("40%")).isEqualTo("10%");
    assertThat(ServingInstance.APP.shareOf("40%")).isEqualTo("10%");
    assertThat(ServingInstance.WRITERS.shareOf("4GB")).isEqualTo("2000000000B");
    assertThat(ServingInstance.ANALYSTS.shareOf(" 1GiB ")).isEqualTo("268435456B");
    assertThat(ServingInstance.APP.shareOf("30%")).isEqualTo("7.5%");
  }

  @Test
  void aReplicasMainInstanceTakesWhatTheAnalystsAndWritersWouldHave() {
    assertThat(ServingInstance.REPLICA.shareOf("40%")).isEqualTo("30%");
    assertThat(ServingInstance.REPLICA.shareOf("4GB")).isEqualTo("3000000000B");
  }

  @Test
  void theServingConfigurationGivesEachInstanceItsShareOfTheConfiguredTotal() {
    PlatformConfig config = PlatformConfig.defaults();
    assertThat(config.servingDuckDb().memoryLimit()).isEqualTo("40%");
    assertThat(config.servingDuckDb(ServingInstance.WRITERS).memoryLimit()).isEqualTo("20%");
    PlatformConfig configured = config.withDuckDb(new DuckDbConfig("1GB", 2, null));
    assertThat(configured.servingDuckDb(ServingInstance.APP).memoryLimit()).isEqualTo("250000000B");
    assertThat(configured.servingDuckDb(ServingInstance.APP).threads()).isEqualTo(2);
  }
}
