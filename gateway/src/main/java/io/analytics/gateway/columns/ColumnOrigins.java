package io.analytics.gateway.columns;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.session.EngineSession;
import java.io.IOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A session's answer to "which table and column does each result column come from" for
 * RowDescription (see {@link SelectListOrigins}), read from DuckDB's parse tree of the text DuckDB
 * runs and resolved in the session's catalog. Answers are remembered per text while the instance's
 * catalog and the session's settings (its search_path) stay as they were.
 */
public final class ColumnOrigins {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int REMEMBERED = 256;

  private final EngineSession engine;
  private final Map<String, Known> recent = new LinkedHashMap<>(64, 0.75f, true) {
    private static final long serialVersionUID = 1L;

    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Known> eldest) {
      return size() > REMEMBERED;
    }
  };

  private record Known(long catalogVersion, List<ColumnOrigin> origins) {}

  /** What the catalog says of the relations named so far, while it stays at {@link #tablesVersion}. */
  private SelectListOrigins.Tables tables;
  private long tablesVersion = -1;

  public ColumnOrigins(EngineSession engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  /**
   * The origin of each of the statement's {@code columnCount} result columns; every one
   * {@link ColumnOrigin#NONE} when the statement is not a query DuckDB's parser reads or its columns
   * cannot be matched one for one.
   */
  public List<ColumnOrigin> of(String sql, int columnCount) {
    long version = engine.catalogVersion();
    Known known = recent.get(sql);
    if (known == null || known.catalogVersion() != version) {
      known = new Known(version, find(sql, version));
      recent.put(sql, known);
    }
    List<ColumnOrigin> origins = known.origins();
    return origins != null && origins.size() == columnCount ? origins : Collections.nCopies(columnCount, ColumnOrigin.NONE);
  }

  private List<ColumnOrigin> find(String sql, long version) {
    String tree = engine.parseTree(sql);
    if (tree.startsWith("{\"error\":true")) {
      return null;
    }
    try {
      JsonNode root = JSON.readTree(tree);
      List<ColumnOrigin> origins = new SelectListOrigins(tablesAt(version)).origins(root);
      return origins == null || origins.stream().noneMatch(ColumnOrigin::isInformative) ? null : List.copyOf(origins);
    } catch (IOException | PlatformException | NumberFormatException e) {
      // Origins are a courtesy to clients: a statement DuckDB runs fine is never failed for them.
      return null;
    }
  }

  /**
   * The session's view of the catalog at {@code version}: a dashboard's new texts name the same few
   * relations, and asking DuckDB's catalog for each text again cost as much as binding the statement.
   * Any change to the catalog or to the session's search_path moves the version (see
   * EngineSession#catalogVersion), which starts a fresh view.
   */
  private SelectListOrigins.Tables tablesAt(long version) {
    if (tables == null || tablesVersion != version) {
      tables = new RememberedTables(new CatalogTables(engine::firstColumn));
      tablesVersion = version;
    }
    return tables;
  }
}
