package io.analytics.gateway.functions;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The names of the table functions and table macros a session can call in FROM, asked from DuckDB
 * the first time a statement needs them (see {@link ScalarCallsInFrom}); the table macros of
 * {@link PgFunctionMacros} count even before they are created. Table macros a client creates later
 * in the session are not seen.
 */
public final class TableFunctionNames implements Predicate<String> {
  /** The query that lists them, for the supplier. */
  public static final String QUERY =
      "SELECT DISTINCT lower(function_name) FROM duckdb_functions() WHERE function_type IN ('table', 'table_macro')";

  private static final Set<String> OWN_TABLE_MACROS = io.analytics.gateway.json.JsonMacros.TABLE_MACROS;

  private final Supplier<List<String>> lookup;
  private Set<String> names;

  public TableFunctionNames(Supplier<List<String>> lookup) {
    this.lookup = requireNonNull(lookup, "lookup is null");
  }

  @Override
  public boolean test(String name) {
    if (names == null) {
      names = new HashSet<>(lookup.get());
      names.addAll(OWN_TABLE_MACROS);
      names.addAll(PgTableFunctionMacros.NAMES);
    }
    return names.contains(name.toLowerCase(Locale.ROOT));
  }
}
