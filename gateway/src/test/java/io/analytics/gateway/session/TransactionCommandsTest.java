package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

/** How BEGIN, SET TRANSACTION and the savepoint statements are read, in PostgreSQL's grammar. */
class TransactionCommandsTest {
  private static SessionCommand parse(String sql) {
    return SessionCommandParser.parse(SqlStatement.parse(sql)).orElseThrow();
  }

  @Test
  void beginTakesTransactionModes() {
    assertThat(parse("BEGIN")).isEqualTo(new SessionCommand.TransactionControl(
        SessionCommand.TransactionControl.Kind.BEGIN, "BEGIN", TransactionModes.NONE));
    assertThat(((SessionCommand.TransactionControl) parse("begin transaction read only")).modes())
        .isEqualTo(new TransactionModes(null, true));
    assertThat(((SessionCommand.TransactionControl) parse("START TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ WRITE, NOT DEFERRABLE")).modes())
        .isEqualTo(new TransactionModes("repeatable read", false));
    assertThatThrownBy(() -> parse("BEGIN READ SOMETIMES"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
  }

  @Test
  void setTransactionAndSessionCharacteristics() {
    assertThat(parse("SET TRANSACTION READ ONLY"))
        .isEqualTo(new SessionCommand.SetTransaction(new TransactionModes(null, true), false));
    assertThat(parse("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED"))
        .isEqualTo(new SessionCommand.SetTransaction(new TransactionModes("read committed", null), true));
  }

  @Test
  void savepointNamesFoldUnlessQuoted() {
    assertThat(parse("SAVEPOINT My_Point"))
        .isEqualTo(new SessionCommand.SavepointCommand(SessionCommand.SavepointCommand.Action.SAVEPOINT, "my_point"));
    assertThat(parse("RELEASE SAVEPOINT \"Mixed\""))
        .isEqualTo(new SessionCommand.SavepointCommand(SessionCommand.SavepointCommand.Action.RELEASE, "Mixed"));
    assertThat(parse("ROLLBACK WORK TO SAVEPOINT a"))
        .isEqualTo(new SessionCommand.SavepointCommand(SessionCommand.SavepointCommand.Action.ROLLBACK_TO, "a"));
    assertThat(parse("ROLLBACK TO b"))
        .isEqualTo(new SessionCommand.SavepointCommand(SessionCommand.SavepointCommand.Action.ROLLBACK_TO, "b"));
    assertThatThrownBy(() -> parse("SAVEPOINT"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.SYNTAX_ERROR));
  }

  @Test
  void writtenTableIsTheUnqualifiedLowerCaseName() {
    assertThat(WrittenTable.of(SqlStatement.parse("INSERT INTO main.\"Orders\" (a) VALUES (1)"))).isEqualTo("orders");
    assertThat(WrittenTable.of(SqlStatement.parse("insert or replace into t values (1)"))).isEqualTo("t");
    assertThat(WrittenTable.of(SqlStatement.parse("UPDATE ONLY s.t SET a = 1"))).isEqualTo("t");
    assertThat(WrittenTable.of(SqlStatement.parse("truncate table pgbench_history"))).isEqualTo("pgbench_history");
    assertThat(WrittenTable.of(SqlStatement.parse("CREATE TEMP TABLE IF NOT EXISTS x(i int)"))).isEqualTo("x");
    assertThat(WrittenTable.of(SqlStatement.parse("DELETE FROM \"A\".b WHERE true"))).isEqualTo("b");
  }

  @Test
  void explainOptionsAsDuckDbTakesThem() {
    assertThat(parse("EXPLAIN (ANALYZE, BUFFERS) SELECT 1")).isEqualTo(new SessionCommand.Explain("EXPLAIN ANALYZE SELECT 1"));
    assertThat(parse("EXPLAIN (COSTS off, FORMAT text) SELECT 1")).isEqualTo(new SessionCommand.Explain("EXPLAIN SELECT 1"));
    assertThat(parse("EXPLAIN SELECT 1")).isEqualTo(new SessionCommand.Explain("EXPLAIN SELECT 1"));
    assertThatThrownBy(() -> parse("EXPLAIN (FORMAT json) SELECT 1"))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.FEATURE_NOT_SUPPORTED));
  }
}
