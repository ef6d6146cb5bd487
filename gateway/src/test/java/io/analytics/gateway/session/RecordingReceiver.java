package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.cache.CachedStatement;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import java.util.ArrayList;
import java.util.List;

/**
 * A result receiver that writes down what the handlers answered, one line an answer ("columns: one",
 * "rows: 3", "complete: SELECT 3"), so tests read the session's answers without the wire protocol.
 * Rows are counted, not encoded: their values are the wire's business.
 */
final class RecordingReceiver implements ResultReceiver {
  private final List<String> answers = new ArrayList<>();

  /** What was answered since the last call. */
  List<String> answers() {
    List<String> since = List.copyOf(answers);
    answers.clear();
    return since;
  }

  @Override
  public void rowDescription(List<FieldDescription> fields) {
    answers.add("columns: " + String.join(", ", fields.stream().map(FieldDescription::name).toList()));
  }

  @Override
  public long rows(ResultCursor cursor, long maxRows) {
    long count = cursor.skipRows(maxRows);
    answers.add("rows: " + count);
    return count;
  }

  @Override
  public void dataRow(byte[] message) {
    answers.add("data row: " + message.length + " bytes");
  }

  @Override
  public void textRow(String... values) {
    answers.add("row: " + String.join(", ", values));
  }

  @Override
  public void commandComplete(String tag) {
    answers.add("complete: " + tag);
  }

  @Override
  public void portalSuspended() {
    answers.add("suspended");
  }

  @Override
  public void emptyQuery() {
    answers.add("empty");
  }

  @Override
  public void warning(SqlState state, String message) {
    answers.add("warning " + state.code() + ": " + message);
  }

  @Override
  public void error(PlatformException error, int positionOffset) {
    answers.add("error " + error.sqlState().code() + ": " + error.getMessage());
  }

  @Override
  public void parameterStatus(String name, String value) {
    answers.add("parameter: " + name + "=" + value);
  }

  @Override
  public void notification(int processId, String channel, String payload) {
    answers.add("notification: " + channel + " " + payload);
  }

  @Override
  public void parseComplete() {
    answers.add("parsed");
  }

  @Override
  public void bindComplete() {
    answers.add("bound");
  }

  @Override
  public void closeComplete() {
    answers.add("closed");
  }

  @Override
  public void noData() {
    answers.add("no data");
  }

  @Override
  public void parameterDescription(List<Integer> typeOids) {
    answers.add("parameter types: " + typeOids);
  }

  @Override
  public void readyForQuery(TransactionStatus status) {
    answers.add("ready: " + status);
  }

  @Override
  public void flush() {
  }

  @Override
  public void authenticationOk() {
    answers.add("authenticated");
  }

  @Override
  public void backendKeyData(int processId, int secretKey) {
    answers.add("key: " + processId);
  }

  @Override
  public void fatal(PlatformException error) {
    answers.add("fatal " + error.sqlState().code() + ": " + error.getMessage());
  }

  @Override
  public long cachedAnswer(CachedStatement cached) {
    return -1;
  }

  @Override
  public long cachedAnswerIfHeld(CachedStatement cached) {
    return -1;
  }

  @Override
  public void startCapture(CachedStatement cached) {
  }

  @Override
  public void finishCapture(CachedStatement cached) {
  }

  @Override
  public void copyOutResponse(boolean binary, int columnCount) {
    answers.add("copy out: " + columnCount + (binary ? " binary" : " text") + " columns");
  }

  @Override
  public void copyInResponse(boolean binary, int columnCount) {
    answers.add("copy in: " + columnCount + (binary ? " binary" : " text") + " columns");
  }

  @Override
  public void copyData(java.util.function.Consumer<io.netty.buffer.ByteBuf> payload) {
    answers.add("copy data: " + encoded(out -> payload.accept(out)));
  }

  /** COPY's rows are recorded as the text of each CopyData payload, so a test reads what the client would get. */
  @Override
  public long copyRows(ResultCursor cursor, CopyRowEncoder encoder) {
    return cursor.forEachRow(() -> true, (writers, row) -> answers.add("copy data: " + encoded(out -> encoder.write(writers, row, out))));
  }

  @Override
  public void copyDone() {
    answers.add("copy done");
  }

  private static String encoded(java.util.function.Consumer<io.netty.buffer.ByteBuf> payload) {
    io.netty.buffer.ByteBuf out = io.netty.buffer.Unpooled.buffer();
    try {
      payload.accept(out);
      return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    } finally {
      out.release();
    }
  }
}
