package io.analytics.gateway.bench;

import static java.util.Objects.requireNonNull;

/** Where a PostgreSQL-protocol server listens and whom to log in as (trust authentication). */
record PgEndpoint(String host, int port, String user, String database) {
  PgEndpoint {
    requireNonNull(host, "host is null");
    requireNonNull(user, "user is null");
    requireNonNull(database, "database is null");
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }
}
