package io.analytics.engine.duckdb;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Java functions known to be registered in one DuckDB instance, shared by its sessions: a session that finds a
 * function's name here need not ask DuckDB's catalog ({@code duckdb_functions()} lists every built-in function and
 * costs milliseconds per call). Names are only added, once a lookup in the catalog found the function committed (a
 * registration in a transaction that rolls back is gone with it).
 */
public final class RegisteredFunctions {
  private final Set<String> names = ConcurrentHashMap.newKeySet();

  public boolean contains(String name) {
    return names.contains(name);
  }

  public void add(String name) {
    names.add(name);
  }
}
