package io.analytics.gateway.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting a simple-query string into statements, the way PostgreSQL's scanner sees semicolons. */
class StatementSplitterTest {
  private static List<String> split(String sql) {
    return StatementSplitter.split(sql).stream().map(SqlStatement::sql).map(String::strip).toList();
  }

  @Test
  void splitsOnTopLevelSemicolonsOnly() {
    assertThat(split("SELECT 1; SELECT 'a;b'; SELECT \"x;y\" FROM t")).containsExactly("SELECT 1", "SELECT 'a;b'", "SELECT \"x;y\" FROM t");
  }

  @Test
  void commentsAndDollarQuotesHideSemicolons() {
    assertThat(split("SELECT 1 -- ; not here\n; /* ; nor /* nested ; */ here */ SELECT $$a;b$$; SELECT $tag$;$tag$"))
        .hasSize(3)
        .last().isEqualTo("SELECT $tag$;$tag$");
  }

  @Test
  void emptyStatementsAreDropped() {
    assertThat(split(";;  ;")).isEmpty();
    assertThat(split("SELECT 1;;")).containsExactly("SELECT 1");
  }

  @Test
  void escapeStringsKeepBackslashQuotes() {
    assertThat(split("SELECT E'it\\'s;'; SELECT 2")).containsExactly("SELECT E'it\\'s;'", "SELECT 2");
  }

  @Test
  void statementsKnowWhereTheyStartInTheQuery() {
    List<SqlStatement> statements = StatementSplitter.split("SELECT 1;  SELECT x");
    assertThat(statements.get(1).offsetInQuery()).isGreaterThanOrEqualTo(9);
    assertThat("SELECT 1;  SELECT x".substring(statements.get(1).offsetInQuery()).strip()).isEqualTo("SELECT x");
  }

  @Test
  void lexerMarksParametersAndKeepsSpans() {
    List<Token> tokens = SqlLexer.tokenize("SELECT $1, 'a''b' FROM \"T\" WHERE x = $12");
    assertThat(tokens).filteredOn(t -> t.type() == TokenType.PARAMETER).extracting(Token::text).containsExactly("$1", "$12");
    assertThat(tokens).filteredOn(t -> t.type() == TokenType.STRING).extracting(Token::value).containsExactly("a'b");
    assertThat(tokens).filteredOn(t -> t.type() == TokenType.QUOTED_IDENTIFIER).extracting(Token::value).containsExactly("T");
  }

  @Test
  void commandTagsMatchPostgres() {
    assertThat(CommandTags.forStatement(SqlStatement.parse("insert into t values (1)"), 3)).isEqualTo("INSERT 0 3");
    assertThat(CommandTags.forStatement(SqlStatement.parse("UPDATE t SET a = 1"), 2)).isEqualTo("UPDATE 2");
    assertThat(CommandTags.forStatement(SqlStatement.parse("DELETE FROM t"), 0)).isEqualTo("DELETE 0");
    assertThat(CommandTags.forStatement(SqlStatement.parse("SELECT 1"), 1)).isEqualTo("SELECT 1");
    assertThat(CommandTags.forStatement(SqlStatement.parse("create table t (a int)"), 0)).isEqualTo("CREATE TABLE");
    assertThat(CommandTags.forStatement(SqlStatement.parse("CREATE TABLE t AS SELECT 1"), 1)).isEqualTo("SELECT 1");
  }
}
