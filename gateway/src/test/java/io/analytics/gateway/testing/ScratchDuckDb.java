package io.analytics.gateway.testing;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory DuckDB for the unit tests of one class that ask DuckDB itself (its parser, its
 * function catalog, its result types): opened before the first test with the given set-up
 * statements run, closed after the last. Register it as {@code @RegisterExtension static final
 * ScratchDuckDb DUCKDB = new ScratchDuckDb("CREATE TABLE t ...");}.
 */
public final class ScratchDuckDb implements BeforeAllCallback, AfterAllCallback {
  private final List<String> setup;
  private DuckDbDatabase database;
  private Connection connection;

  public ScratchDuckDb(String... setup) {
    this.setup = List.of(setup);
  }

  @Override
  public void beforeAll(ExtensionContext context) throws SQLException {
    database = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
    connection = database.connect();
    try (Statement statement = connection.createStatement()) {
      for (String sql : setup) {
        statement.execute(sql);
      }
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws SQLException {
    try {
      connection.close();
    } finally {
      database.close();
    }
  }

  /** The database, for code under test that opens its own connections. */
  public DuckDbDatabase database() {
    return database;
  }

  /** One connection kept open for the class's tests. */
  public Connection connection() {
    return connection;
  }
}
