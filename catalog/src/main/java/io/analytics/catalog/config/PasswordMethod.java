package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** What configured users authenticate with (gateway.passwordMethod), parsed once when the config is read. */
public enum PasswordMethod {
  SCRAM_SHA_256("scram-sha-256"),
  MD5("md5"),
  /** Cleartext, for clients that can do nothing else (over TLS only, one hopes). */
  PASSWORD("password");

  private final String configName;

  PasswordMethod(String configName) {
    this.configName = configName;
  }

  /** The name in platform.json and ANALYTICS_PASSWORD_METHOD. */
  @JsonValue
  public String configName() {
    return configName;
  }

  /** The method {@code text} names (null: scram-sha-256); a ConfigException naming {@code key} and the choices otherwise. */
  public static PasswordMethod parse(String key, String text) {
    if (text == null) {
      return SCRAM_SHA_256;
    }
    for (PasswordMethod method : values()) {
      if (method.configName.equals(text)) {
        return method;
      }
    }
    throw new ConfigException("config key \"" + key + "\" must be one of "
        + Arrays.stream(values()).map(PasswordMethod::configName).collect(Collectors.joining(", ")) + ", got \"" + text + "\"");
  }
}
