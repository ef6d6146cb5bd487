package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.protocol.BackendMessages;
import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns exceptions into ErrorResponse messages. Platform errors keep their SQLSTATE; anything else
 * is an internal error whose stack trace goes to the log, never to the client.
 */
final class ErrorReporter {
  private static final Logger LOG = LoggerFactory.getLogger(ErrorReporter.class);

  private ErrorReporter() {}

  static PlatformException toPlatform(Throwable error) {
    if (error instanceof PlatformException platform) {
      return platform;
    }
    LOG.error("internal error", error);
    String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    return new PlatformException(SqlState.INTERNAL_ERROR, "internal error: " + message, error);
  }

  static void error(ByteBuf out, PlatformException error, int positionOffset) {
    write(out, "ERROR", error, positionOffset);
  }

  static void fatal(ByteBuf out, PlatformException error) {
    write(out, "FATAL", error, 0);
  }

  static void notice(ByteBuf out, String severity, SqlState state, String message) {
    BackendMessages.noticeResponse(
        out, new BackendMessages.ErrorFields(severity, state.code(), message, null, null, 0));
  }

  private static void write(ByteBuf out, String severity, PlatformException error, int positionOffset) {
    int position = error.position() > 0 ? error.position() + positionOffset : 0;
    BackendMessages.errorResponse(
        out,
        new BackendMessages.ErrorFields(
            severity, error.sqlState().code(), error.getMessage(), error.detail(), error.hint(), position, error.subject()));
  }
}
