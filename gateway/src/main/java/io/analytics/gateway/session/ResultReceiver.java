package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.cache.CachedStatement;
import io.analytics.gateway.protocol.BackendMessages.FieldDescription;
import java.util.List;

/**
 * Where the query handlers deliver their answers: a statement's row description, rows, command
 * completion, notices and errors, and the extended protocol's acknowledgements. The handlers decide
 * what to answer; a receiver decides how it travels. {@link WireReceiver} writes PostgreSQL's backend
 * messages; unit tests record the answers with a receiver of their own (CrateDB's ResultReceiver is the model).
 */
interface ResultReceiver {
  /** The columns of the rows that follow. */
  void rowDescription(List<FieldDescription> fields);

  /** Sends up to {@code maxRows} (0 = all) of the cursor's rows; returns how many it sent. */
  long rows(ResultCursor cursor, long maxRows);

  /** A row already encoded as a DataRow message (a SCROLL cursor's rows, held since its DECLARE). */
  void dataRow(byte[] message);

  /** One row of text values, for the answers the gateway computes itself (SHOW, EXPLAIN, set_config). */
  void textRow(String... values);

  /** A statement finished, with its command tag (SELECT 3, INSERT 0 1, SET). */
  void commandComplete(String tag);

  /** A portal stopped at its row limit; a later Execute goes on. */
  void portalSuspended();

  /** The query string held no statement. */
  void emptyQuery();

  /** A warning that does not stop the statement (PostgreSQL's NOTICE/WARNING). */
  void warning(SqlState state, String message);

  /** A notice that does not stop the statement (PostgreSQL's NOTICE severity). */
  default void notice(SqlState state, String message) {
    warning(state, message);
  }

  /** A statement failed; {@code positionOffset} shifts the error's position to the client's query string. */
  void error(PlatformException error, int positionOffset);

  /** A reported parameter changed its value. */
  void parameterStatus(String name, String value);

  /** A notification for a channel this session listens on. */
  void notification(int processId, String channel, String payload);

  void parseComplete();

  void bindComplete();

  void closeComplete();

  /** A statement or portal returns no rows. */
  void noData();

  /** The types of a prepared statement's parameters. */
  void parameterDescription(List<Integer> typeOids);

  /** The session is ready for the next query, in the given transaction status. */
  void readyForQuery(TransactionStatus status);

  /** Sends what is pending now (the client's Flush). */
  void flush();

  /** Authentication succeeded: the first message of the greeting (AuthenticationOk). */
  void authenticationOk();

  /** The session's process id and cancel key, sent once while greeting the client (BackendKeyData). */
  void backendKeyData(int processId, int secretKey);

  /** A FATAL error: it is sent at once and the connection ends; nothing more is said on it. */
  void fatal(PlatformException error);

  /** COPY TO STDOUT begins (CopyOutResponse): every column in binary, or every one in text. */
  void copyOutResponse(boolean binary, int columnCount);

  /** COPY FROM STDIN begins (CopyInResponse), sent at once: the client sends its data only after it. */
  void copyInResponse(boolean binary, int columnCount);

  /** One CopyData message whose payload {@code payload} writes (a header line, binary COPY's trailer). */
  void copyData(java.util.function.Consumer<io.netty.buffer.ByteBuf> payload);

  /** Sends each of the cursor's rows as one CopyData message, as PostgreSQL does; returns how many. */
  long copyRows(ResultCursor cursor, CopyRowEncoder encoder);

  /** COPY TO STDOUT's data ended (CopyDone). */
  void copyDone();

  /** Writes one row of a cursor as a CopyData payload (text, CSV or binary COPY's row form). */
  @FunctionalInterface
  interface CopyRowEncoder {
    void write(io.analytics.gateway.types.ColumnWriter[] writers, int row, io.netty.buffer.ByteBuf out);

    /**
     * Makes encoders of the same form for other threads (each used by one thread at a time), or
     * null when every row must be encoded by this one. The supplier itself may give null for a
     * batch that must be encoded here (binary COPY's first row carries the header).
     */
    default java.util.function.Supplier<CopyRowEncoder> forAnotherThread() {
      return null;
    }
  }

  /** Answers from the result cache if it holds the statement's answer; returns its rows, or -1 on a miss. */
  long cachedAnswer(CachedStatement cached);

  /** As {@link #cachedAnswer}, but a result not held is not counted as a miss (the usual path will look again). */
  long cachedAnswerIfHeld(CachedStatement cached);

  /** The answer that follows may be kept by the result cache ({@link #finishCapture} ends it). */
  void startCapture(CachedStatement cached);

  void finishCapture(CachedStatement cached);
}
