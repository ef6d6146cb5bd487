package io.analytics.catalog.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A PostgreSQL database the platform can read from (and, when not read-only, export to).
 *
 * @param name how the platform refers to it (also the schema it will be attached as)
 * @param host host name, localhost by default
 * @param port TCP port, 5432 by default
 * @param database database name, the source's name by default
 * @param user login, postgres by default
 * @param password password, or null for none (prefer the POSTGRES_PASSWORD environment variable)
 * @param schemas schemas to expose, public by default
 * @param readOnly whether the platform may only read, true by default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PostgresSourceConfig(
    String name,
    String host,
    int port,
    String database,
    String user,
    String password,
    List<String> schemas,
    boolean readOnly) {

  @JsonCreator
  public PostgresSourceConfig(
      @JsonProperty("name") String name,
      @JsonProperty("host") String host,
      @JsonProperty("port") Integer port,
      @JsonProperty("database") String database,
      @JsonProperty("user") String user,
      @JsonProperty("password") String password,
      @JsonProperty("schemas") List<String> schemas,
      @JsonProperty("readOnly") Boolean readOnly) {
    this(
        name,
        host == null ? "localhost" : host,
        port == null ? 5432 : port,
        database == null ? name : database,
        user == null ? "postgres" : user,
        password,
        schemas == null ? List.of("public") : List.copyOf(schemas),
        readOnly == null || readOnly);
  }

  public PostgresSourceConfig {
    database = database == null ? name : database;
    host = host == null ? "localhost" : host;
    user = user == null ? "postgres" : user;
    schemas = schemas == null ? List.of("public") : List.copyOf(schemas);
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new ConfigException(
          "config key \"sources[].name\" must be a plain identifier (letters, digits, _), got "
              + (name == null ? "nothing" : "\"" + name + "\""));
    }
    ConfigChecks.checkRange("sources[" + name + "].port", port, 1, 65535);
    if (database == null || database.isBlank()) {
      throw new ConfigException("config key \"sources[" + name + "].database\" is empty");
    }
  }

  /** The JDBC URL for this source. */
  @JsonIgnore
  public String jdbcUrl() {
    String address = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + address + ":" + port + "/" + database;
  }

  /** The same source with the given fields replaced where they are not null. */
  public PostgresSourceConfig overriddenBy(String newHost, Integer newPort, String newUser, String newPassword) {
    return new PostgresSourceConfig(
        name,
        newHost == null ? host : newHost,
        newPort == null ? port : newPort,
        database,
        newUser == null ? user : newUser,
        newPassword == null ? password : newPassword,
        schemas,
        readOnly);
  }
}
