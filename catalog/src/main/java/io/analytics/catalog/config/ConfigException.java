package io.analytics.catalog.config;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;

/** A configuration file or setting that cannot be used; the message names the offending key. */
public final class ConfigException extends PlatformException {
  public ConfigException(String message) {
    super(SqlState.CONFIGURATION_LIMIT_EXCEEDED, message);
  }

  public ConfigException(String message, Throwable cause) {
    super(SqlState.CONFIGURATION_LIMIT_EXCEEDED, message, cause);
  }
}
