package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statement pipeline's stages, in their declared order, each doing its one translation. */
class StatementPipelineTest {
  private static final int NUMERIC_OID = 1700;

  @TempDir Path lake;
  private QueryHandlers handlers;
  private StatementPipeline pipeline;

  @BeforeEach
  void open() throws Exception {
    handlers = new QueryHandlers(lake);
    pipeline = new StatementPipeline(handlers.preparer.stages());
  }

  @AfterEach
  void close() {
    handlers.close();
  }

  private String stage(String name, String sql, List<Integer> declaredTypes) {
    return pipeline.stage(name).translation().apply(SqlStatement.parse(sql), declaredTypes).sql();
  }

  @Test
  void stagesRunInTheirDeclaredOrder() {
    assertThat(pipeline.names()).containsExactly("postgres-ddl", "catalog-syntax", "format-calls", "date-literals", "postgres-dialect",
        "natural-join-column-order", "stored-character-literals", "stored-date-time-literals", "stored-array-literals",
        "session-macros", "session-values", "scalar-calls-in-from", "any-array-parameters", "numeric-parameters",
        "unconstrained-numeric-literals", "unconstrained-numeric-expressions", "unconstrained-numeric-selections", "parameter-casts", "pg-stat-activity", "pg-cursors", "pg-stat-statements");
  }

  @Test
  void sessionValuesBecomeTheSessionsLiterals() {
    assertThat(stage("session-values", "SELECT current_user, current_database(), current_setting('application_name')", List.of()))
        .doesNotContain("current_user").doesNotContain("current_database").doesNotContain("current_setting")
        .contains("'tester'").contains("'lake'");
  }

  @Test
  void aDeclaredNumericParameterLosesItsImpreciseCast() {
    assertThat(stage("numeric-parameters", "SELECT $1::numeric", List.of(NUMERIC_OID))).doesNotContain("numeric");
    assertThat(stage("numeric-parameters", "SELECT $1::numeric", List.of())).contains("DECIMAL(38,10)");
  }

  @Test
  void anAnyOverAnUntypedParameterIsGivenAnArrayType() {
    String sql = "SELECT i FROM range(3) t(i) WHERE i = ANY($1)";
    assertThat(stage("any-array-parameters", sql, List.of(0))).isNotEqualTo(sql).contains("$1");
    assertThat(stage("any-array-parameters", "SELECT 1", List.of())).isEqualTo("SELECT 1");
  }

  @Test
  void statementsNoStageConcernsPassUnchanged() {
    String sql = "SELECT i + 1 AS next FROM range(3) t(i)";
    assertThat(pipeline.apply(SqlStatement.parse(sql), List.of()).sql()).isEqualTo(sql);
  }

  @Test
  void theWholePipelineAppliesEveryStageInTurn() {
    String sql = "SELECT current_user AS who, $1::numeric AS amount";
    String translated = pipeline.apply(SqlStatement.parse(sql), List.of(NUMERIC_OID)).sql();
    assertThat(translated).contains("'tester'").doesNotContain("::numeric");
  }

  @Test
  void declaredParameterTypesBecomeCasts() {
    assertThat(stage("parameter-casts", "SELECT $1 + 1", List.of(23))).isEqualTo("SELECT CAST($1 AS INTEGER) + 1");
    assertThat(stage("parameter-casts", "SELECT $1 + 1", List.of())).isEqualTo("SELECT $1 + 1");
  }

  @Test
  void liveRelationsAreBoundAndSaySo() {
    for (String relation : List.of("pg_stat_activity", "pg_cursors", "pg_stat_statements")) {
      String sql = "SELECT count(*) FROM " + relation;
      StatementPipeline.Translated translated = pipeline.run(SqlStatement.parse(sql), List.of());
      assertThat(translated.statement().sql()).as(relation).isNotEqualTo(sql);
      assertThat(translated.changedBy()).as(relation).containsAnyElementsOf(ClientQueryPreparer.LIVE_RELATIONS);
    }
    assertThat(pipeline.run(SqlStatement.parse("SELECT 'pg_stat_activity'"), List.of()).changedBy())
        .doesNotContainAnyElementsOf(ClientQueryPreparer.LIVE_RELATIONS);
  }
}
