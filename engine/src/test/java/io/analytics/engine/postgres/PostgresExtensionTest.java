package io.analytics.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The live path: DuckDB's postgres extension, used when it can be loaded (never downloaded at run time). */
class PostgresExtensionTest {
  @Test
  void sourceIsAttachedLiveWhenTheExtensionLoadsAndTheReasonIsReportedWhenItDoesNot() throws Exception {
    PostgresServer server = PostgresServer.shared();
    String db = server.createDatabase("extension_path");
    server.execute(db, "CREATE TABLE orders (id int4)", "INSERT INTO orders VALUES (1), (2), (3)");
    DuckDbConfig duckdb = new DuckDbConfig(null, 0, null, System.getenv("ANALYTICS_DUCKDB_EXTENSION_DIRECTORY"));
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(duckdb)) {
      SourceSynchronizer synchronizer = new SourceSynchronizer(database, duckdb);
      PostgresSourceConfig source = new PostgresSourceConfig("oltp", server.host(), server.port(), db,
          PostgresServer.USER, PostgresServer.PASSWORD, null, true);
      Optional<String> unavailable;
      try (Connection duck = database.connect()) {
        unavailable = PostgresExtension.load(duck, duckdb);
      }

      SourceSyncResult result = synchronizer.sync(source, null, false);

      if (unavailable.isPresent()) {
        assertThat(result.path()).isEqualTo("mirror");
        assertThat(result.pathReason()).startsWith("postgres extension not loadable");
        assertThat(synchronizer.path()).startsWith("mirror (postgres extension not loadable");
        System.out.println("SKIPPED: live attach path not tested: " + unavailable.get());
        Assumptions.abort("DuckDB's postgres extension cannot be loaded here: " + unavailable.get());
      }
      assertThat(result.path()).isEqualTo("attach");
      try (Connection duck = database.connect();
          Statement statement = duck.createStatement();
          ResultSet rows = statement.executeQuery("SELECT count(*) FROM oltp.public.orders")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getLong(1)).isEqualTo(3);
      }
    }
  }
}
