package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * TLS for the gateway. With a certificate and key (PEM files; the key in PKCS#8), an SSLRequest is
 * answered 'S' and the connection is encrypted; SCRAM then also offers channel binding.
 *
 * @param certificateFile PEM certificate chain, or null for no TLS
 * @param keyFile PEM PKCS#8 private key, or null for no TLS
 * @param required whether connections without TLS are refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TlsConfig(String certificateFile, String keyFile, boolean required) {
  @JsonCreator
  public TlsConfig(
      @JsonProperty("certificateFile") String certificateFile,
      @JsonProperty("keyFile") String keyFile,
      @JsonProperty("required") Boolean required) {
    this(certificateFile, keyFile, required != null && required);
  }

  public TlsConfig {
    if ((certificateFile == null) != (keyFile == null)) {
      throw new ConfigException("config keys \"gateway.tls.certificateFile\" and \"gateway.tls.keyFile\" must be set together");
    }
    if (required && certificateFile == null) {
      throw new ConfigException("config key \"gateway.tls.required\" needs a certificate and key");
    }
  }

  public static TlsConfig none() {
    return new TlsConfig(null, null, false);
  }

  public boolean enabled() {
    return certificateFile != null;
  }
}
