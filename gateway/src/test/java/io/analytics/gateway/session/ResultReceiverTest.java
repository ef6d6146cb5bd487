package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.protocol.FrontendMessage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The query handlers' answers as a receiver hears them: what a session says, apart from how the wire says it. */
class ResultReceiverTest {
  @TempDir Path lake;
  private final RecordingReceiver receiver = new RecordingReceiver();
  private QueryHandlers handlers;

  @BeforeEach
  void open() throws Exception {
    handlers = new QueryHandlers(lake, receiver);
  }

  @AfterEach
  void close() {
    handlers.close();
  }

  @Test
  void simpleQueryDescribesStreamsAndCompletesEachStatement() {
    handlers.simple.query("SELECT i AS n FROM range(3) t(i); CREATE TABLE t(i INTEGER); INSERT INTO t VALUES (1), (2)");
    assertThat(receiver.answers()).containsExactly(
        "columns: n", "rows: 3", "complete: SELECT 3", "complete: CREATE TABLE", "complete: INSERT 0 2");
    assertThat(handlers.readyCount()).isEqualTo(1);
  }

  @Test
  void gatewayCommandsAnswerThroughTheReceiver() {
    handlers.simple.query("SET application_name = 'reporting'; SHOW application_name");
    assertThat(receiver.answers()).containsExactly(
        "parameter: application_name=reporting", "complete: SET", "columns: application_name", "row: reporting", "complete: SHOW");
  }

  @Test
  void commitOutsideABlockWarns() {
    handlers.simple.query("COMMIT");
    assertThat(receiver.answers()).containsExactly(
        "warning 25P01: there is no transaction in progress", "complete: COMMIT");
  }

  @Test
  void extendedQuerySuspendsAPortalAtItsRowLimit() {
    handlers.extended.handle(new FrontendMessage.Parse("", "SELECT i FROM range(5) t(i)", List.of()));
    handlers.extended.handle(new FrontendMessage.Describe('S', ""));
    handlers.extended.handle(new FrontendMessage.Bind("p", "", List.of(), List.of(), List.of()));
    handlers.extended.handle(new FrontendMessage.Execute("p", 2));
    handlers.extended.handle(new FrontendMessage.Execute("p", 0));
    handlers.extended.handle(new FrontendMessage.Close('P', "p"));
    assertThat(receiver.answers()).containsExactly(
        "parsed", "parameter types: []", "columns: i", "bound", "rows: 2", "suspended", "rows: 3", "complete: SELECT 3", "closed");
  }

  @Test
  void emptyQueryIsAnsweredAsSuch() {
    handlers.simple.query(" ; ");
    assertThat(receiver.answers()).containsExactly("empty");
  }
}
