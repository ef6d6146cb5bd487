package io.analytics.gateway.protocol;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;

/** Bytes that break the protocol; the connection that sent them is answered 08P01 and closed. */
public final class ProtocolException extends PlatformException {
  public ProtocolException(String message) {
    super(SqlState.PROTOCOL_VIOLATION, message);
  }
}
