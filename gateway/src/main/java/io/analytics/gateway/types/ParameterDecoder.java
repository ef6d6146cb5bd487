package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.nio.charset.StandardCharsets;

/** Decodes Bind parameter values (temporary stand-in: text only). */
public final class ParameterDecoder {
  private ParameterDecoder() {}

  public static Object decode(int typeOid, String duckDbType, boolean binary, byte[] value, SessionFormat format) {
    if (binary) {
      throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "binary parameters are not available yet");
    }
    return new String(value, StandardCharsets.UTF_8);
  }
}
