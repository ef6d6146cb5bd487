package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.protocol.FrontendMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simple and extended query handlers over an in-memory DuckDB, read back as backend messages without a socket. */
class QueryHandlersTest {
  @TempDir Path lake;
  private QueryHandlers handlers;

  @BeforeEach
  void open() throws Exception {
    handlers = new QueryHandlers(lake);
  }

  @AfterEach
  void close() {
    handlers.close();
  }

  @Test
  void simpleQueryAnswersEachStatementThenReady() {
    handlers.simple.query("SELECT 1 AS one; SELECT 'two' AS two");
    List<QueryHandlers.Message> messages = handlers.written();
    assertThat(messages).extracting(QueryHandlers.Message::type).containsExactly('T', 'D', 'C', 'T', 'D', 'C');
    assertThat(messages.get(2).text()).startsWith("SELECT 1");
    assertThat(handlers.readyCount()).isEqualTo(1);
  }

  @Test
  void emptySimpleQueryAnswersEmptyQueryResponse() {
    handlers.simple.query("  ;  ");
    assertThat(handlers.writtenTypes()).isEqualTo("I");
    assertThat(handlers.readyCount()).isEqualTo(1);
  }

  @Test
  void failedStatementRollsBackItsMultiStatementQuery() {
    handlers.simple.query("CREATE TABLE t(i INTEGER)");
    handlers.written();
    try {
      handlers.simple.query("INSERT INTO t VALUES (1); SELECT * FROM missing_table");
    } catch (RuntimeException expected) {
      // the session reports it; the implicit transaction is already rolled back
    }
    assertThat(handlers.transactions.isOpen()).isFalse();
    assertThat(handlers.engine.firstColumn("SELECT count(*) FROM t")).containsExactly("0");
  }

  @Test
  void failedStatementInABlockAbortsIt() {
    handlers.simple.query("BEGIN");
    try {
      handlers.simple.query("SELECT * FROM missing_table");
    } catch (RuntimeException expected) {
      // reported by the session
    }
    assertThat(handlers.transactions.status()).isEqualTo(TransactionStatus.FAILED);
  }

  @Test
  void extendedExecuteSuspendsAtMaxRowsAndResumes() {
    handlers.extended.handle(new FrontendMessage.Parse("", "SELECT i FROM range(250) t(i)", List.of()));
    handlers.extended.handle(new FrontendMessage.Bind("p", "", List.of(), List.of(), List.of()));
    handlers.extended.handle(new FrontendMessage.Execute("p", 120));
    assertThat(handlers.writtenTypes()).isEqualTo("12" + "D".repeat(120) + "s");
    // Another statement in between (which drops only the unnamed portal): the engine parks the live
    // result, and the named portal goes on where it stopped.
    handlers.simple.query("SELECT 42");
    handlers.written();
    handlers.extended.handle(new FrontendMessage.Execute("p", 0));
    List<QueryHandlers.Message> rest = handlers.written();
    assertThat(rest).hasSize(131);
    assertThat(rest.get(0).text()).endsWith("120");
    assertThat(rest.get(130).type()).isEqualTo('C');
    assertThat(rest.get(130).text()).startsWith("SELECT 130");
  }

  @Test
  void describeOfAStatementNamesParametersAndColumns() {
    handlers.extended.handle(new FrontendMessage.Parse("s1", "SELECT CAST($1 AS INTEGER) + 1 AS next", List.of()));
    handlers.extended.handle(new FrontendMessage.Describe('S', "s1"));
    assertThat(handlers.writtenTypes()).isEqualTo("1tT");
    assertThat(handlers.statements.contains("s1")).isTrue();
    handlers.extended.handle(new FrontendMessage.Close('S', "s1"));
    assertThat(handlers.writtenTypes()).isEqualTo("3");
    assertThat(handlers.statements.contains("s1")).isFalse();
  }
}
