package io.analytics.gateway.dialect;

import static io.analytics.gateway.dialect.CaptureGroupShapes.Shape.ALWAYS;
import static io.analytics.gateway.dialect.CaptureGroupShapes.Shape.AMBIGUOUS;
import static io.analytics.gateway.dialect.CaptureGroupShapes.Shape.OPTIONAL_NON_EMPTY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which capture groups take part in every match, and whether an empty match tells a skipped one apart. */
class CaptureGroupShapesTest {
  @Test
  void groupsOutsideQuantifiersAndAlternationsAlwaysTakePart() {
    assertThat(CaptureGroupShapes.of("(bar)(.*)(c|)")).containsExactly(ALWAYS, ALWAYS, ALWAYS);
    assertThat(CaptureGroupShapes.of("(a)[(|)?](b)")).containsExactly(ALWAYS, ALWAYS);
  }

  @Test
  void optionalGroupsThatCannotMatchEmptyReadEmptyAsSkipped() {
    assertThat(CaptureGroupShapes.of("(bar)(.+)?(beque)")).containsExactly(ALWAYS, OPTIONAL_NON_EMPTY, ALWAYS);
    assertThat(CaptureGroupShapes.of("(a)|(b)")).containsExactly(OPTIONAL_NON_EMPTY, OPTIONAL_NON_EMPTY);
    assertThat(CaptureGroupShapes.of("x((y)z)*")).containsExactly(AMBIGUOUS, OPTIONAL_NON_EMPTY);
    assertThat(CaptureGroupShapes.of("(\\d+){0,2}")).containsExactly(OPTIONAL_NON_EMPTY);
    assertThat(CaptureGroupShapes.of("^([^/]+?)(?:/([^/]+?))(?:/([^/]+?))?$")).containsExactly(ALWAYS, ALWAYS, OPTIONAL_NON_EMPTY);
    assertThat(CaptureGroupShapes.of("(x{2,3}[?*])?")).containsExactly(OPTIONAL_NON_EMPTY);
  }

  @Test
  void optionalGroupsThatMayMatchEmptyAreAmbiguous() {
    assertThat(CaptureGroupShapes.of("(a*)?b")).containsExactly(AMBIGUOUS);
    assertThat(CaptureGroupShapes.of("^(l*){1,1}?(.*)$")).containsExactly(ALWAYS, ALWAYS);
    assertThat(CaptureGroupShapes.of("a|(\\b)")).containsExactly(AMBIGUOUS);
  }
}
