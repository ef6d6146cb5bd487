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
  void copyToStdoutSendsEachRowAsCopyDataThroughTheReceiver() {
    handlers.simple.query("COPY (SELECT i AS n, 'v' || i AS label FROM range(3) t(i)) TO STDOUT (FORMAT csv, HEADER)");
    assertThat(receiver.answers()).containsExactly(
        "copy out: 2 text columns", "copy data: n,label\n",
        "copy data: 0,v0\n", "copy data: 1,v1\n", "copy data: 2,v2\n",
        "copy done", "complete: COPY 3");
    assertThat(handlers.readyCount()).isEqualTo(1);
  }

  @Test
  void copyFromStdinAsksForDataThroughTheReceiver() {
    handlers.simple.query("CREATE TABLE t(i INTEGER, s VARCHAR)");
    receiver.answers();
    handlers.simple.query("COPY t FROM STDIN");
    assertThat(receiver.answers()).containsExactly("copy in: 2 text columns");
    handlers.simple.handleDuringCopyIn(new FrontendMessage.CopyData("1\tone\n2\ttwo\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    handlers.simple.handleDuringCopyIn(new FrontendMessage.CopyDone());
    handlers.simple.query("SELECT count(*) AS n FROM t");
    assertThat(receiver.answers()).containsExactly("complete: COPY 2", "columns: n", "rows: 1", "complete: SELECT 1");
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
