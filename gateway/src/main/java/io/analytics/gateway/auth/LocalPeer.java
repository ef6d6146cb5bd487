package io.analytics.gateway.auth;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.gateway.security.Role;

/**
 * Who is at the other end of a connection to the home's Unix-domain socket, as the kernel says
 * (SO_PEERCRED): the OS user owning the home logs in without a password, as PostgreSQL's peer
 * authentication lets the {@code postgres} OS user in over its socket. Other local users, and every
 * TCP connection, authenticate as usual.
 *
 * @param viaSocket whether the connection came through the Unix-domain socket
 * @param homeOwner whether its peer's uid is the home directory's owner
 */
public record LocalPeer(boolean viaSocket, boolean homeOwner) {
  /** A TCP connection. */
  public static final LocalPeer NONE = new LocalPeer(false, false);

  /**
   * The role of the home owner's login: a configured user's own role when it names one, else
   * admin (the owner may do anything to its home anyway, through the files).
   */
  public static Role ownerRole(PlatformConfig config, String user) {
    boolean configured = config.users().stream().anyMatch(u -> u.name().equals(user));
    return configured ? Role.forLogin(config, user) : Role.ADMIN;
  }

  /** The authenticator for a peer-authenticated owner: none, it is already known. */
  public static Authenticator ownerAuthenticator() {
    return new TrustAuthenticator();
  }
}
