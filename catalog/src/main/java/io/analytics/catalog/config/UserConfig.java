package io.analytics.catalog.config;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A user allowed to log in. Only password verifiers are stored, never the password.
 *
 * @param name login name
 * @param role one of the platform's roles (app, analyst, engineer, admin)
 * @param scramSha256 PostgreSQL-format verifier {@code SCRAM-SHA-256$<iter>:<salt>$<StoredKey>:<ServerKey>}
 * @param md5 PostgreSQL-format {@code md5<hex of md5(password || name)>}, or null
 */
public record UserConfig(String name, String role, String scramSha256, String md5) {
  @JsonCreator
  public UserConfig(
      @JsonProperty("name") String name,
      @JsonProperty("role") String role,
      @JsonProperty("scramSha256") String scramSha256,
      @JsonProperty("md5") String md5) {
    requireNonNull(name, "config key \"users[].name\" is missing");
    this.name = name;
    this.role = role == null ? "analyst" : role;
    this.scramSha256 = scramSha256;
    this.md5 = md5;
    ConfigChecks.checkOneOf("users[" + name + "].role", this.role, "app", "analyst", "engineer", "admin");
    if (scramSha256 == null && md5 == null) {
      throw new ConfigException("config key \"users[" + name + "]\" has no password verifier");
    }
  }
}
