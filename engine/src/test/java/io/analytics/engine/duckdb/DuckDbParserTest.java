package io.analytics.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** DuckDB's own parser, reached through its C API: statement counts and types, before any binding. */
class DuckDbParserTest {
  private final DuckDbParser parser = DuckDbParser.shared();

  @Test
  void typesEveryStatementWithoutACatalog() {
    assertThat(parser.parse("DELETE FROM no_such_table").singleType()).contains(DuckDbStatementType.DELETE);
    assertThat(parser.parse("TRUNCATE t").singleType()).contains(DuckDbStatementType.DELETE);
    assertThat(parser.parse("INSERT INTO t VALUES (1)").singleType()).contains(DuckDbStatementType.INSERT);
    assertThat(parser.parse("CREATE TABLE x AS SELECT 1").singleType()).contains(DuckDbStatementType.CREATE);
    assertThat(parser.parse("ATTACH 'x.duckdb'").singleType()).contains(DuckDbStatementType.ATTACH);
    assertThat(parser.parse("SET memory_limit = '1GB'").singleType()).contains(DuckDbStatementType.SET);
    assertThat(parser.parse("USE main").singleType()).contains(DuckDbStatementType.SET);
    assertThat(parser.parse("CHECKPOINT").singleType()).contains(DuckDbStatementType.CALL);
    assertThat(parser.parse("MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE").singleType())
        .contains(DuckDbStatementType.MERGE_INTO);
    assertThat(parser.parse("WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d").singleType())
        .contains(DuckDbStatementType.SELECT);
  }

  @Test
  void seesTheStatementsALexerMayMissAndTypesEach() {
    DuckDbParser.Parsed hidden = parser.parse("SELECT $€$ ' $€$; DELETE FROM t WHERE id < 6; --'");
    assertThat(hidden.statements()).isEqualTo(2);
    assertThat(hidden.types()).isEqualTo(List.of(DuckDbStatementType.SELECT, DuckDbStatementType.DELETE));
    assertThat(parser.parse("DELETE\u00a0FROM t").singleType()).contains(DuckDbStatementType.DELETE);
    assertThat(parser.parse("SELECT 1;").statements()).isEqualTo(1);
  }

  @Test
  void reportsDuckDbsMessageForATextItCannotParse() {
    DuckDbParser.Parsed parsed = parser.parse("SELEC 1");
    assertThat(parsed.statements()).isZero();
    assertThat(parsed.parseError()).contains("syntax error");
    assertThat(parser.parse("-- only a comment").statements()).isZero();
  }
}
