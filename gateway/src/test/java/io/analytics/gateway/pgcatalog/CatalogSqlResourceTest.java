package io.analytics.gateway.pgcatalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How catalog objects written as SQL resources become the statements a session runs. */
class CatalogSqlResourceTest {
  @Test
  void statementsEndAtASemicolonWithCommentsLeftOutAndLinesJoined() {
    assertThat(CatalogSqlResource.split("""
        -- a view
        CREATE VIEW a AS SELECT 1
            -- inside a statement too
            FROM t WHERE x = '--not a comment';

        CREATE MACRO b() AS 2;
        """))
        .containsExactly("CREATE VIEW a AS SELECT 1 FROM t WHERE x = '--not a comment'", "CREATE MACRO b() AS 2");
  }

  @Test
  void aStatementWithoutItsSemicolonIsRefused() {
    assertThatThrownBy(() -> CatalogSqlResource.split("CREATE VIEW a AS SELECT 1\n"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no closing ';'");
  }

  @Test
  void placeholdersAreFilledAndAMissingValueIsAnError() {
    assertThat(CatalogSqlResource.statements("pg_database", Map.of("database", "'it''s'")))
        .singleElement().asString()
        .contains("'it''s' AS datname")
        .doesNotContain("${");
    assertThatThrownBy(() -> CatalogSqlResource.statements("pg_database"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("${database}");
  }

  @Test
  void everyResourceOfTheCatalogIsReadable() {
    for (String name : new String[] {"lake-descriptions", "sizes", "relation-functions", "client-functions", "client-objects",
        "pg_namespace", "expression-functions", "absent-features", "role-views"}) {
      assertThat(CatalogSqlResource.statements(name)).as(name).isNotEmpty()
          .allSatisfy(sql -> assertThat(sql).startsWith("CREATE OR REPLACE TEMP ").doesNotContain("${").doesNotEndWith(";"));
    }
  }
}
