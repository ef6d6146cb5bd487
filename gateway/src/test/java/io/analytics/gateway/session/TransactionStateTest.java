package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.session.SessionCommand.TransactionControl;
import io.analytics.gateway.sql.SqlStatement;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PostgreSQL's transaction rules, checked against a real in-memory DuckDB without any network. */
class TransactionStateTest {
  private static final TransactionControl BEGIN = new TransactionControl(TransactionControl.Kind.BEGIN, "BEGIN", TransactionModes.NONE);
  private static final TransactionControl COMMIT = new TransactionControl(TransactionControl.Kind.COMMIT, "COMMIT", TransactionModes.NONE);
  private static final TransactionControl ROLLBACK = new TransactionControl(TransactionControl.Kind.ROLLBACK, "ROLLBACK", TransactionModes.NONE);

  private RootAllocator allocator;
  private EngineSession engine;
  private final List<String> events = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private TransactionState state;

  @BeforeEach
  void open() throws Exception {
    allocator = new RootAllocator();
    engine = new EngineSession((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"), allocator, 1024);
    engine.execute("CREATE TABLE t(i INTEGER)");
    state = new TransactionState(engine, new NoOpTransactionListener() {
      @Override
      public void ending() {
        events.add("ending");
      }

      @Override
      public void ended(boolean committed) {
        events.add(committed ? "committed" : "rolled back");
      }
    });
  }

  @AfterEach
  void close() {
    engine.close();
    allocator.close();
  }

  private String control(TransactionControl control) {
    return state.control(control, (sqlState, message) -> warnings.add(sqlState.code() + " " + message));
  }

  @Test
  void implicitTransactionIsReportedIdleAndCommitsAtItsEnd() {
    state.beginImplicit(SqlStatement.parse("INSERT INTO t VALUES (1)"));
    engine.execute("INSERT INTO t VALUES (1)");
    assertThat(state.isOpen()).isTrue();
    assertThat(state.status()).isEqualTo(TransactionStatus.IDLE);
    state.commitImplicit();
    assertThat(state.isOpen()).isFalse();
    assertThat(events).containsExactly("committed");
    assertThat(engine.firstColumn("SELECT count(*) FROM t")).containsExactly("1");
  }

  @Test
  void abortedImplicitTransactionUndoesItsWork() {
    state.beginImplicit(SqlStatement.parse("INSERT INTO t VALUES (1)"));
    engine.execute("INSERT INTO t VALUES (1)");
    state.abortImplicit();
    assertThat(events).containsExactly("ending", "rolled back");
    assertThat(engine.firstColumn("SELECT count(*) FROM t")).containsExactly("0");
  }

  @Test
  void statementsThatManageTransactionsAreNeverWrapped() {
    for (String sql : List.of("BEGIN", "COMMIT", "VACUUM", "CHECKPOINT", "COPY t FROM STDIN", "ATTACH 'x' AS y")) {
      assertThat(TransactionState.controlsTransactions(SqlStatement.parse(sql))).as(sql).isTrue();
      state.beginImplicit(SqlStatement.parse(sql));
      assertThat(state.isOpen()).as(sql).isFalse();
    }
    assertThat(TransactionState.controlsTransactions(SqlStatement.parse("SELECT 1"))).isFalse();
  }

  @Test
  void beginInsideAnImplicitTransactionMakesItAnExplicitBlock() {
    state.beginImplicit(SqlStatement.parse("SELECT 1"));
    assertThat(control(BEGIN)).isEqualTo("BEGIN");
    assertThat(state.status()).isEqualTo(TransactionStatus.IN_BLOCK);
    assertThat(warnings).isEmpty();
  }

  @Test
  void failedBlockRefusesEverythingButItsEndWith25P02() {
    control(BEGIN);
    state.markFailed();
    assertThat(state.status()).isEqualTo(TransactionStatus.FAILED);
    assertThatThrownBy(() -> state.checkNotAborted(SqlStatement.parse("SELECT 1")))
        .isInstanceOfSatisfying(PlatformException.class, e -> assertThat(e.sqlState()).isEqualTo(SqlState.IN_FAILED_SQL_TRANSACTION));
    for (String end : List.of("ROLLBACK", "ABORT", "COMMIT", "END")) {
      state.checkNotAborted(SqlStatement.parse(end));
    }
    assertThat(control(COMMIT)).as("COMMIT of a failed block rolls back").isEqualTo("ROLLBACK");
    assertThat(state.status()).isEqualTo(TransactionStatus.IDLE);
    assertThat(events).containsExactly("ending", "rolled back");
  }

  @Test
  void explicitBlockCommitsItsWork() {
    control(BEGIN);
    engine.execute("INSERT INTO t VALUES (7)");
    assertThat(control(COMMIT)).isEqualTo("COMMIT");
    assertThat(events).containsExactly("ending", "committed");
    assertThat(engine.firstColumn("SELECT sum(i) FROM t")).containsExactly("7");
  }

  @Test
  void misplacedControlStatementsWarnAsPostgresDoes() {
    assertThat(control(COMMIT)).isEqualTo("COMMIT");
    assertThat(control(ROLLBACK)).isEqualTo("ROLLBACK");
    control(BEGIN);
    control(BEGIN);
    assertThat(warnings).containsExactly("25P01 there is no transaction in progress", "25P01 there is no transaction in progress",
        "25001 there is already a transaction in progress");
    assertThat(state.status()).isEqualTo(TransactionStatus.IN_BLOCK);
  }

  @Test
  void failureOutsideABlockLeavesTheStatusIdle() {
    state.markFailed();
    assertThat(state.status()).isEqualTo(TransactionStatus.IDLE);
    assertThat(TransactionState.isExit(COMMIT)).isTrue();
    assertThat(TransactionState.isExit(BEGIN)).isFalse();
  }
}
