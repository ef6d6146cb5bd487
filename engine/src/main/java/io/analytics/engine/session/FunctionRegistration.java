package io.analytics.engine.session;

import java.sql.SQLException;
import org.duckdb.DuckDBConnection;

/**
 * Registers Java functions in DuckDB through a connection: they then serve every connection of
 * the same database (DuckDB keeps them in its system catalog).
 */
@FunctionalInterface
public interface FunctionRegistration {
  void register(DuckDBConnection connection) throws SQLException;
}
