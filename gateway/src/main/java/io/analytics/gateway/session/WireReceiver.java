package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.cache.CachedStatement;
import io.analytics.gateway.protocol.BackendMessages;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Delivers the handlers' answers as PostgreSQL backend messages on the session's {@link BackendOutput}. */
final class WireReceiver implements ResultReceiver {
  private final BackendOutput output;

  WireReceiver(BackendOutput output) {
    this.output = requireNonNull(output, "output is null");
  }

  @Override
  public void rowDescription(List<FieldDescription> fields) {
    BackendMessages.rowDescription(output.buffer(), fields);
  }

  @Override
  public long rows(ResultCursor cursor, long maxRows) {
    return cursor.writeRows(output, maxRows);
  }

  @Override
  public void dataRow(byte[] message) {
    output.buffer().writeBytes(message);
    output.flushIfFull();
  }

  @Override
  public void textRow(String... values) {
    ByteBuf out = output.buffer();
    int start = BackendMessages.beginDataRow(out, values.length);
    for (String value : values) {
      byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
      out.writeInt(bytes.length);
      out.writeBytes(bytes);
    }
    BackendMessages.endMessage(out, start);
  }

  @Override
  public void commandComplete(String tag) {
    BackendMessages.commandComplete(output.buffer(), tag);
  }

  @Override
  public void portalSuspended() {
    BackendMessages.portalSuspended(output.buffer());
  }

  @Override
  public void emptyQuery() {
    BackendMessages.emptyQueryResponse(output.buffer());
  }

  @Override
  public void warning(SqlState state, String message) {
    ErrorReporter.notice(output.buffer(), "WARNING", state, message);
  }

  @Override
  public void notice(SqlState state, String message) {
    ErrorReporter.notice(output.buffer(), "NOTICE", state, message);
  }

  @Override
  public void error(PlatformException error, int positionOffset) {
    ErrorReporter.error(output.buffer(), error, positionOffset);
  }

  @Override
  public void parameterStatus(String name, String value) {
    BackendMessages.parameterStatus(output.buffer(), name, value);
  }

  @Override
  public void notification(int processId, String channel, String payload) {
    BackendMessages.notificationResponse(output.buffer(), processId, channel, payload);
  }

  @Override
  public void parseComplete() {
    BackendMessages.parseComplete(output.buffer());
  }

  @Override
  public void bindComplete() {
    BackendMessages.bindComplete(output.buffer());
  }

  @Override
  public void closeComplete() {
    BackendMessages.closeComplete(output.buffer());
  }

  @Override
  public void noData() {
    BackendMessages.noData(output.buffer());
  }

  @Override
  public void parameterDescription(List<Integer> typeOids) {
    BackendMessages.parameterDescription(output.buffer(), typeOids);
  }

  @Override
  public void readyForQuery(TransactionStatus status) {
    BackendMessages.readyForQuery(output.buffer(), status.indicator());
    output.flush();
  }

  @Override
  public void flush() {
    output.flush();
  }

  @Override
  public void authenticationOk() {
    BackendMessages.authenticationOk(output.buffer());
  }

  @Override
  public void backendKeyData(int processId, int secretKey) {
    BackendMessages.backendKeyData(output.buffer(), processId, secretKey);
  }

  @Override
  public void fatal(PlatformException error) {
    if (output.isOpen()) {
      ErrorReporter.fatal(output.buffer(), error);
      output.flushAndClose();
    }
  }

  @Override
  public long cachedAnswer(CachedStatement cached) {
    return cached.answer(output.buffer());
  }

  @Override
  public long cachedAnswerIfHeld(CachedStatement cached) {
    return cached.answerIfHeld(output.buffer());
  }

  @Override
  public void startCapture(CachedStatement cached) {
    cached.startCapture(output::buffer, output::flushes);
  }

  @Override
  public void finishCapture(CachedStatement cached) {
    cached.finishCapture(output::buffer, output::flushes);
  }

  @Override
  public void copyOutResponse(boolean binary, int columnCount) {
    BackendMessages.copyResponse(output.buffer(), 'H', binary ? 1 : 0, columnCount);
  }

  @Override
  public void copyInResponse(boolean binary, int columnCount) {
    BackendMessages.copyResponse(output.buffer(), 'G', binary ? 1 : 0, columnCount);
    output.flush();
  }

  @Override
  public void copyData(java.util.function.Consumer<ByteBuf> payload) {
    ByteBuf out = output.buffer();
    int start = BackendMessages.beginMessage(out, 'd');
    payload.accept(out);
    BackendMessages.endMessage(out, start);
  }

  @Override
  public long copyRows(ResultCursor cursor, CopyRowEncoder encoder) {
    return cursor.writeCopyRows(output, encoder);
  }

  @Override
  public void copyDone() {
    BackendMessages.copyDone(output.buffer());
  }
}
