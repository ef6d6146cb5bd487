package io.analytics.gateway.columns;

import static java.util.Objects.requireNonNull;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link SelectListOrigins.Tables} that asks the catalog about each name once: the answer for a
 * name holds for as long as the catalog it came from, which its owner replaces when that changes.
 */
final class RememberedTables implements SelectListOrigins.Tables {
  /** Names remembered at most: a session naming more relations than this between two catalog changes starts over. */
  private static final int REMEMBERED = 1024;

  private final SelectListOrigins.Tables catalog;
  private final Map<List<String>, Optional<RelationColumns>> answers = new HashMap<>();

  RememberedTables(SelectListOrigins.Tables catalog) {
    this.catalog = requireNonNull(catalog, "catalog is null");
  }

  @Override
  public RelationColumns resolve(String catalogName, String schema, String name) {
    List<String> key = List.of(catalogName, schema, name);
    Optional<RelationColumns> known = answers.get(key);
    if (known == null) {
      if (answers.size() >= REMEMBERED) {
        answers.clear();
      }
      known = Optional.ofNullable(catalog.resolve(catalogName, schema, name));
      answers.put(key, known);
    }
    return known.orElse(null);
  }
}
