package io.analytics.gateway.auth;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import io.analytics.gateway.security.AddressRateWindow;

/**
 * Picks how a login authenticates. With no users configured, loopback connections are trusted
 * (like a fresh local PostgreSQL) and all others refused; once users exist, every login needs a
 * password, by the configured method.
 */
public final class AuthenticatorFactory {
  private final PlatformConfig config;
  private final SecureRandom random;
  /** Server secret from which unknown users' mock salts derive, stable across restarts when given one. */
  private final byte[] mockSaltSecret = new byte[32];
  private final AddressRateWindow failedLogins = new AddressRateWindow(TimeUnit.MINUTES.toNanos(1));

  public AuthenticatorFactory(PlatformConfig config, SecureRandom random) {
    this.config = requireNonNull(config, "config is null");
    this.random = requireNonNull(random, "random is null");
    random.nextBytes(mockSaltSecret);
  }

  /** @param serverSecret a secret that outlives restarts ({@link ServerSecret}): unknown users' mock salts derive from it */
  public AuthenticatorFactory(PlatformConfig config, SecureRandom random, byte[] serverSecret) {
    this.config = requireNonNull(config, "config is null");
    this.random = requireNonNull(random, "random is null");
    System.arraycopy(requireNonNull(serverSecret, "serverSecret is null"), 0, mockSaltSecret, 0,
        Math.min(serverSecret.length, mockSaltSecret.length));
  }

  public Authenticator forLogin(String user, InetAddress clientAddress) {
    return forLogin(user, clientAddress, null);
  }

  /**
   * @param channelBinding the TLS connection's tls-server-end-point data, or null without TLS; with
   *     it, SCRAM also offers SCRAM-SHA-256-PLUS
   */
  public Authenticator forLogin(String user, InetAddress clientAddress, byte[] channelBinding) {
    if (!config.hasUsers()) {
      if (clientAddress.isLoopbackAddress()) {
        return new TrustAuthenticator();
      }
      throw new PlatformException(
          SqlState.INVALID_AUTHORIZATION_SPECIFICATION,
          "no users are configured, so connections are only accepted from this machine (host \""
              + clientAddress.getHostAddress() + "\", user \"" + user + "\")");
    }
    Optional<UserConfig> account = config.users().stream().filter(u -> u.name().equals(user)).findFirst();
    return switch (config.gateway().passwordMethod()) {
      case MD5 -> md5(user, account.orElse(null), channelBinding);
      case PASSWORD -> new CleartextAuthenticator(user, account.orElse(null));
      case SCRAM_SHA_256 -> scram(user, account.orElse(null), channelBinding);
    };
  }

  /**
   * Counts a password about to be checked as a guess from the address, before its answer is known,
   * and says whether it may be checked at all: at most gateway.limits.failedLoginsPerMinute guesses
   * that did not succeed are checked per address and minute. Beyond that every attempt from the
   * address is refused without looking at the password, so neither the answer nor its timing tells
   * a client anything, however soon it gives up waiting, and guesses sent side by side count alike.
   */
  public boolean admitGuess(InetAddress clientAddress) {
    return failedLogins.tryRecord(clientAddress, config.gateway().limits().failedLoginsPerMinute());
  }

  /** A guess admitted by {@link #admitGuess} was the right password: it does not count against the address. */
  public void guessSucceeded(InetAddress clientAddress) {
    failedLogins.forgetLatest(clientAddress);
  }

  private Authenticator md5(String user, UserConfig account, byte[] channelBinding) {
    if (account != null && account.md5() == null) {
      return scram(user, account, channelBinding);
    }
    return new Md5Authenticator(user, account == null ? null : account.md5(), random);
  }

  private Authenticator scram(String user, UserConfig account, byte[] channelBinding) {
    if (account != null && account.scramSha256() != null) {
      return new ScramAuthenticator(user, ScramVerifier.parse(account.scramSha256()), true, random, channelBinding);
    }
    return new ScramAuthenticator(user, mockVerifier(user), false, random, channelBinding);
  }

  private ScramVerifier mockVerifier(String user) {
    byte[] digest = ScramVerifier.hmac(mockSaltSecret, user.getBytes(StandardCharsets.UTF_8));
    byte[] salt = Arrays.copyOf(digest, 16);
    return new ScramVerifier(ScramVerifier.DEFAULT_ITERATIONS, salt, new byte[32], new byte[32]);
  }
}
