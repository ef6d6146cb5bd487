package io.analytics.gateway.replica;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicaSearchPathTest {
  private final ReplicaSearchPath routing = new ReplicaSearchPath();

  @Test
  void sessionSchemasComeFirstInTheSnapshotThenEveryLayerInBothCatalogs() {
    assertThat(routing.duckDbSearchPath(List.of("main")))
        .isEqualTo("warehouse.main,warehouse.bronze,lake.bronze,warehouse.silver,lake.silver,warehouse.gold,lake.gold");
  }

  @Test
  void aLayerOnTheSessionsPathIsRoutedToBothCatalogsOnceInItsPlace() {
    assertThat(routing.duckDbSearchPath(List.of("gold", "derived")))
        .isEqualTo("warehouse.gold,lake.gold,warehouse.derived,warehouse.bronze,lake.bronze,warehouse.silver,lake.silver");
  }

  @Test
  void namesThatAreNotPlainWordsAreQuotedAndAnEmptyPathIsMain() {
    assertThat(routing.duckDbSearchPath(List.of("My \"odd\" schema"))).startsWith("warehouse.\"My \"\"odd\"\" schema\",warehouse.bronze");
    assertThat(routing.duckDbSearchPath(List.of())).startsWith("warehouse.main,");
  }
}
