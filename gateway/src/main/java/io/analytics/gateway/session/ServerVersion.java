package io.analytics.gateway.session;

/** The PostgreSQL version the gateway presents itself as, in the forms clients parse. */
public final class ServerVersion {
  /** Reported as server_version; clients parse the major version from it. */
  public static final String VERSION = "16.6";

  public static final String VERSION_NUM = "160006";

  private ServerVersion() {}
}
