package io.analytics.gateway.columns;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.dialect.StoredCharacterLiterals;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's columns with the character types its DDL declared, found as DuckDB binds the name (see
 * {@link CatalogTables}), for {@link StoredCharacterLiterals}. Each lookup reads the catalog and the
 * search_path afresh: it runs only for the rare INSERT that needs it, and must see the DDL just run.
 */
public final class DeclaredTableColumns implements StoredCharacterLiterals.TableColumns {
  private final EngineSession engine;

  public DeclaredTableColumns(EngineSession engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  @Override
  public List<StoredCharacterLiterals.Column> of(List<String> qualifiedName) {
    if (qualifiedName.isEmpty() || qualifiedName.size() > 3) {
      return null;
    }
    int size = qualifiedName.size();
    String catalog = size == 3 ? qualifiedName.get(0) : "";
    String schema = size >= 2 ? qualifiedName.get(size - 2) : "";
    RelationColumns relation = new CatalogTables(engine::firstColumn).resolve(catalog, schema, qualifiedName.get(size - 1));
    if (relation == null) {
      return null;
    }
    List<StoredCharacterLiterals.Column> columns = new ArrayList<>();
    for (RelationColumns.Column column : relation.columns()) {
      columns.add(new StoredCharacterLiterals.Column(column.name(), column.origin().declared().orElse(null)));
    }
    return columns;
  }
}
