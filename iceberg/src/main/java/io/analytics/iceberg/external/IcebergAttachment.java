package io.analytics.iceberg.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.util.Locale;
import java.util.Set;

/**
 * An external Iceberg namespace the gateway exposes as the schema {@code name}: a JDBC catalog
 * ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}), the catalog's name inside it (the
 * {@code catalog_name} column), and the namespace whose tables become views.
 */
public record IcebergAttachment(String name, String uri, String catalogName, String namespace, String user, String password) {
  private static final Set<String> RESERVED = Set.of("bronze", "silver", "gold", "main", "public", "derived",
      "information_schema", "pg_catalog", "platform", "temp", "system", "warehouse");

  @JsonCreator
  public IcebergAttachment(
      @JsonProperty("name") String name,
      @JsonProperty("uri") String uri,
      @JsonProperty("catalogName") String catalogName,
      @JsonProperty("namespace") String namespace,
      @JsonProperty("user") String user,
      @JsonProperty("password") String password) {
    this.name = requireNonNull(name, "name is null");
    this.uri = requireNonNull(uri, "uri is null");
    this.catalogName = requireNonNull(catalogName, "catalogName is null");
    this.namespace = requireNonNull(namespace, "namespace is null");
    this.user = user;
    this.password = password;
    if (!name.matches("[a-z][a-z0-9_]*") || RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "\"" + name
          + "\" cannot name an attached Iceberg schema: use lower-case letters, digits and _, and none of " + RESERVED);
    }
    if (!uri.startsWith("jdbc:sqlite:") && !uri.startsWith("jdbc:postgresql:")) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE,
          "--catalog must be a JDBC catalog URL (jdbc:sqlite:FILE or jdbc:postgresql://...), got " + uri);
    }
  }
}
