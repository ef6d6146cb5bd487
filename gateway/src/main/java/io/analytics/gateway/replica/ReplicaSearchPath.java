package io.analytics.gateway.replica;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.home.Layer;
import io.analytics.engine.replica.AttachedSnapshot;
import io.analytics.gateway.session.SearchPathRouting;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A read replica's DuckDB search_path (and the readers' tier's). The replica's instance holds two catalogs besides its own
 * empty, read-only one: the lake's views, a file it rebuilds when the lake changes and attaches read-only ({@value #LAKE_CATALOG}), and the attached read-only
 * snapshot of the warehouse ({@value AttachedSnapshot#CATALOG}), which also holds the writer's own
 * views in the layer schemas ({@code bronze.trades_enriched}). DuckDB looks a schema-qualified name
 * up in every catalog whose schema of that name is on the path, in order, so each layer schema is
 * listed in both catalogs, and every schema of the session's own path in the snapshot first (which
 * makes the snapshot the default catalog: unqualified and {@code derived.x} names resolve there as
 * in the writer). A view of the snapshot that reads {@code bronze.trades} finds the replica's fresh
 * view, because the publisher leaves the lake's views out of the snapshot. One difference from the
 * writer follows: an unqualified name that is in no schema of the session's path may still resolve
 * to a lake table through the layer entries.
 */
public final class ReplicaSearchPath implements SearchPathRouting {
  /** The catalog a replica attaches its lake views' file to, read-only. */
  public static final String LAKE_CATALOG = io.analytics.engine.lake.ReadOnlyLakeViews.CATALOG;

  private static final Set<String> LAYERS = layerSchemas();
  private final String lakeCatalog;

  /** The path of a replica's instance, whose lake views are in a file attached read-only as {@value #LAKE_CATALOG}. */
  public ReplicaSearchPath() {
    this(LAKE_CATALOG);
  }

  /** @param lakeCatalog the catalog that holds the lake's views (the readers' tier attaches them as a file) */
  public ReplicaSearchPath(String lakeCatalog) {
    this.lakeCatalog = requireNonNull(lakeCatalog, "lakeCatalog is null");
  }

  @Override
  public String duckDbSearchPath(List<String> schemas) {
    Set<String> entries = new LinkedHashSet<>();
    for (String schema : schemas.isEmpty() ? List.of("main") : schemas) {
      addRoutes(entries, schema);
    }
    for (String layer : LAYERS) {
      addRoutes(entries, layer);
    }
    return String.join(",", entries);
  }

  private void addRoutes(Set<String> entries, String schema) {
    entries.add(AttachedSnapshot.CATALOG + "." + quoted(schema));
    if (LAYERS.contains(schema)) {
      entries.add(lakeCatalog + "." + quoted(schema));
    }
  }

  /** A schema name as DuckDB's search_path parser needs it: quoted unless it is a plain lower-case word. */
  static String quoted(String schema) {
    return schema.matches("[a-z_][a-z0-9_]*") ? schema : "\"" + schema.replace("\"", "\"\"") + "\"";
  }

  private static Set<String> layerSchemas() {
    Set<String> layers = new LinkedHashSet<>();
    for (Layer layer : Layer.values()) {
      layers.add(layer.schemaName().toLowerCase(Locale.ROOT));
    }
    return layers;
  }
}
