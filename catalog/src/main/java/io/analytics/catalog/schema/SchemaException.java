package io.analytics.catalog.schema;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;

/** A schema declaration that cannot be used; the message names the offending key or column. */
public final class SchemaException extends PlatformException {
  public SchemaException(String message) {
    super(SqlState.INVALID_PARAMETER_VALUE, message);
  }

  public SchemaException(String message, Throwable cause) {
    super(SqlState.INVALID_PARAMETER_VALUE, message, cause);
  }
}
