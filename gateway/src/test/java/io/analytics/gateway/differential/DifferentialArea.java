package io.analytics.gateway.differential;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A group of cases that share connections: on each side and protocol the area's setup statements
 * run once on a fresh connection (creating the TEMP tables its cases read), then its cases in order.
 * The pass rate is reported per area.
 */
record DifferentialArea(String name, List<String> setup, List<DifferentialCase> cases) {
  DifferentialArea {
    requireNonNull(name, "name is null");
    setup = List.copyOf(setup);
    cases = List.copyOf(cases);
  }
}
