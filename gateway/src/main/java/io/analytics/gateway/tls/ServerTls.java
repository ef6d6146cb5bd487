package io.analytics.gateway.tls;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.ConfigException;
import io.analytics.catalog.config.TlsConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * The gateway's TLS: the Netty context that encrypts connections after an SSLRequest, and the
 * {@code tls-server-end-point} channel binding (RFC 5929: a hash of the server certificate) that
 * SCRAM-SHA-256-PLUS ties the login to, so a man in the middle cannot relay it.
 */
public final class ServerTls {
  private final SslContext context;
  private final byte[] endPointBinding;
  private final boolean required;

  private ServerTls(SslContext context, byte[] endPointBinding, boolean required) {
    this.context = requireNonNull(context, "context is null");
    this.endPointBinding = endPointBinding.clone();
    this.required = required;
  }

  /** The configured TLS, or null when none is configured. */
  public static ServerTls load(TlsConfig config) {
    return load(config, Path.of(""));
  }

  /**
   * The configured TLS, or null when none is configured; relative paths (as {@code init --tls}
   * writes them, so that a home can be moved or mounted elsewhere) are relative to {@code home}.
   */
  public static ServerTls load(TlsConfig config, Path home) {
    if (!config.enabled()) {
      return null;
    }
    Path certificate = home.resolve(config.certificateFile());
    Path key = home.resolve(config.keyFile());
    try {
      SslContext context = SslContextBuilder.forServer(certificate.toFile(), key.toFile()).build();
      return new ServerTls(context, endPointBinding(certificate), config.required());
    } catch (SSLException | IllegalArgumentException e) {
      throw new ConfigException("cannot use TLS certificate " + certificate + " and key " + key + ": " + e.getMessage(), e);
    }
  }

  public SslContext context() {
    return context;
  }

  public byte[] endPointBinding() {
    return endPointBinding.clone();
  }

  public boolean required() {
    return required;
  }

  /** RFC 5929: the certificate's hash, with SHA-256 when it is signed with MD5 or SHA-1. */
  private static byte[] endPointBinding(Path certificateFile) {
    try (InputStream in = Files.newInputStream(certificateFile)) {
      X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
      String algorithm = certificate.getSigAlgName().toUpperCase(Locale.ROOT);
      String digest = algorithm.startsWith("SHA384") ? "SHA-384" : algorithm.startsWith("SHA512") ? "SHA-512" : "SHA-256";
      return MessageDigest.getInstance(digest).digest(certificate.getEncoded());
    } catch (IOException | CertificateException | NoSuchAlgorithmException e) {
      throw new ConfigException("cannot read TLS certificate " + certificateFile + ": " + e.getMessage(), e);
    }
  }
}
