package io.analytics.gateway.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.postgres.SourceInterruptions;
import io.analytics.engine.postgres.cdc.ChangeCaptureState;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The status page's row of a PostgreSQL source, from the state tables a sync and change capture write. */
class SourceStatusRowsTest {
  @Test
  void aSourceRowHasItsPathLagLastSyncErrorAndInterruptions() throws Exception {
    try (DuckDbDatabase database = DuckDbDatabase.inMemory(DuckDbConfig.defaults())) {
      PostgresSourceConfig oltp = new PostgresSourceConfig("oltp", null, null, null, null, null, null, null, null, null, true, null);
      SourceStatusRows sources = new SourceStatusRows(database);
      assertThat(sources.row(oltp)).containsEntry("path", "change capture").containsEntry("status", "never synced");
      try (Connection duck = database.connect(); Statement statement = duck.createStatement()) {
        ChangeCaptureState.ensure(duck);
        statement.execute("INSERT INTO platform.sources VALUES ('oltp', 'mirror', 'up', NULL, now(), now())");
        statement.execute("INSERT INTO platform.source_tables VALUES ('oltp', 'orders', 'public.orders', 'cdc', NULL, 50,"
            + " NULL, TIMESTAMPTZ '2026-01-02 03:04:05+00', 12, NULL, now()), ('oltp', 'fills', 'public.fills', 'full', NULL, 5,"
            + " NULL, TIMESTAMPTZ '2026-01-01 00:00:00+00', 3, 'relation \"fills\" does not exist', now())");
        statement.execute("INSERT INTO " + ChangeCaptureState.TABLE + " (source, status, lag_bytes, lag_seconds)"
            + " VALUES ('oltp', 'streaming', 2048, 1.5)");
        SourceInterruptions.record(duck, "oltp", "change capture", "Database connection failed when reading from copy");
      }
      Map<String, Object> row = sources.row(oltp);
      assertThat(row).containsEntry("name", "oltp").containsEntry("path", "mirror").containsEntry("status", "up")
          .containsEntry("changeCapture", "streaming").containsEntry("lagSeconds", 1.5).containsEntry("lagBytes", 2048L)
          .containsEntry("error", "relation \"fills\" does not exist");
      assertThat((String) row.get("lastSync")).startsWith("2026-01-02");
      assertThat((String) row.get("interrupted")).startsWith("interrupted 1 time, last at ")
          .endsWith("(change capture: Database connection failed when reading from copy)");
    }
  }
}
