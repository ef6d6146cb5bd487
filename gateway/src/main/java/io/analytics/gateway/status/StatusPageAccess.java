package io.analytics.gateway.status;

import static java.util.Objects.requireNonNull;

import com.sun.net.httpserver.HttpExchange;
import io.analytics.catalog.config.ObservabilityConfig;
import io.analytics.catalog.config.UserConfig;
import io.analytics.gateway.auth.ScramVerifier;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Who may see the status page: anyone who can reach it while it listens on loopback; an admin's
 * credentials (HTTP Basic, checked against the user's SCRAM-SHA-256 verifier, as the wire's
 * 'password' method checks them) once it is exposed beyond loopback, or always/never as
 * {@code gateway.observability.statusPageAuth} says.
 */
final class StatusPageAccess {
  /** What a request may do: 200, 401 (no or wrong credentials) or 403 (a user who is not an admin). */
  enum Verdict { ALLOWED, UNAUTHENTICATED, FORBIDDEN }

  private final boolean required;
  private final Supplier<List<UserConfig>> users;

  StatusPageAccess(boolean required, Supplier<List<UserConfig>> users) {
    this.required = required;
    this.users = requireNonNull(users, "users is null");
  }

  static StatusPageAccess of(ObservabilityConfig observability, Supplier<List<UserConfig>> users) {
    boolean required = switch (observability.statusPageAuth()) {
      case "always" -> true;
      case "never" -> false;
      default -> !isLoopback(observability.metricsListenAddress());
    };
    return new StatusPageAccess(required, users);
  }

  boolean required() {
    return required;
  }

  Verdict check(HttpExchange exchange) {
    return required ? check(exchange.getRequestHeaders().getFirst("Authorization")) : Verdict.ALLOWED;
  }

  /** The verdict on an Authorization header (null when the request had none). */
  Verdict check(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return Verdict.UNAUTHENTICATED;
    }
    String credentials;
    try {
      credentials = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return Verdict.UNAUTHENTICATED;
    }
    int colon = credentials.indexOf(':');
    if (colon < 0) {
      return Verdict.UNAUTHENTICATED;
    }
    String name = credentials.substring(0, colon);
    String password = credentials.substring(colon + 1);
    Optional<UserConfig> user = users.get().stream().filter(u -> u.name().equals(name)).findFirst();
    if (user.isEmpty() || user.get().scramSha256() == null || !ScramVerifier.parse(user.get().scramSha256()).matches(password)) {
      return Verdict.UNAUTHENTICATED;
    }
    return user.get().role().equals("admin") ? Verdict.ALLOWED : Verdict.FORBIDDEN;
  }

  private static boolean isLoopback(String address) {
    try {
      return InetAddress.getByName(address).isLoopbackAddress();
    } catch (UnknownHostException e) {
      // An address we cannot resolve is not known to be loopback: ask for credentials.
      return false;
    }
  }
}
