package io.analytics.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporaryMacrosTest {
  @Test
  void keepsTheLastDefinitionOfEachMacroInOrder() {
    TemporaryMacros macros = new TemporaryMacros();
    macros.ran("CREATE OR REPLACE TEMP MACRO pg_gateway_sqrt(x) AS sqrt(x)");
    macros.ran("SET search_path = 'main'");
    macros.ran("create temporary macro Pg_Other(y) AS y + 1");
    macros.ran("CREATE TEMP TABLE t(i int)");
    macros.ran("CREATE OR REPLACE TEMP MACRO pg_gateway_sqrt(x) AS sqrt(x) + 0");

    assertThat(macros.definitions()).containsExactly("create temporary macro Pg_Other(y) AS y + 1",
        "CREATE OR REPLACE TEMP MACRO pg_gateway_sqrt(x) AS sqrt(x) + 0");
  }
}
