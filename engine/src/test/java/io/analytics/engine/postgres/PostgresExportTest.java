package io.analytics.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.engine.export.ExportPipeline;
import io.analytics.engine.export.ExportResult;
import io.analytics.engine.lake.LakeFixture;
import io.analytics.engine.lake.PipelineConfig;
import io.analytics.engine.testing.FirstColumn;
import io.analytics.engine.testing.PostgresServer;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresExportTest {
  private static final String MILLION_ROWS =
      "SELECT i AS id, 'SYM' || (i % 200) AS symbol, CAST(i % 1000 AS DECIMAL(18,4)) AS pnl,"
          + " TIMESTAMPTZ '2024-01-01 00:00:00+00' + to_seconds(i) AS ts, DATE '2024-01-01' + CAST(i % 250 AS INTEGER) AS day,"
          + " i % 3 = 0 AS flag, i * 0.5 AS score FROM range(1000000) t(i)";

  private static PostgresServer server;
  private static String db;
  @TempDir Path dir;
  private ExportPipeline export;

  @BeforeAll
  static void startPostgres() {
    server = PostgresServer.shared();
    db = server.createDatabase("export_target");
  }

  @BeforeEach
  void configureSink() {
    LakeFixture lake = LakeFixture.in(dir);
    PostgresSourceConfig sink = new PostgresSourceConfig("apps", server.host(), server.port(), db, PostgresServer.USER,
        PostgresServer.PASSWORD, null, false);
    PostgresSourceConfig readOnly = new PostgresSourceConfig("reports", server.host(), server.port(), db,
        PostgresServer.USER, PostgresServer.PASSWORD, null, true);
    PlatformConfig config = new PlatformConfig(null, null, null, List.of(sink, readOnly));
    export = new ExportPipeline(new PipelineConfig(lake.home(), config));
    server.execute(db, "DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public");
  }

  @Test
  void replaceCreatesTheTableWithMatchingTypesAndLoadsAMillionRowsInSeconds() {
    long start = System.nanoTime();
    ExportResult result = export.exportToPostgres(MILLION_ROWS, "apps.pnl", ExportMode.REPLACE);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("exported 1,000,000 rows into PostgreSQL in " + millis + " ms");

    assertThat(result.rows()).isEqualTo(1_000_000);
    assertThat(result.table()).isEqualTo("postgres:apps.public.pnl");
    assertThat(millis).isLessThan(30_000);
    assertThat(pg("SELECT string_agg(column_name || ' ' || data_type, ', ' ORDER BY ordinal_position)"
        + " FROM information_schema.columns WHERE table_name = 'pnl'"))
        .containsExactly("id bigint, symbol text, pnl numeric, ts timestamp with time zone, day date, flag boolean,"
            + " score numeric");
    assertThat(pg("SELECT count(*) || ' ' || sum(pnl) || ' ' || max(ts) || ' ' || count(*) FILTER (WHERE flag)"
        + " || ' ' || sum(score) FROM pnl"))
        .containsExactly("1000000 499500000.0000 2024-01-12 13:46:39+00 333334 249999750000.0");
  }

  @Test
  void replaceSwapsTheWholeTableAtomically() {
    export.exportToPostgres("SELECT * FROM range(10) t(n)", "apps.numbers", ExportMode.REPLACE);
    export.exportToPostgres("SELECT * FROM range(3) t(n)", "apps.numbers", ExportMode.REPLACE);

    assertThat(pg("SELECT count(*) FROM numbers")).containsExactly("3");
    assertThatThrownBy(() -> export.exportToPostgres("SELECT 1 / 0 AS n UNION ALL SELECT error('boom')",
        "apps.numbers", ExportMode.REPLACE)).isInstanceOf(PlatformException.class);
    assertThat(pg("SELECT count(*) FROM numbers")).containsExactly("3");
    assertThat(pg("SELECT count(*) FROM pg_tables WHERE tablename LIKE '%staging%'")).containsExactly("0");
  }

  @Test
  void appendAddsRowsAndCastsToTheExistingColumnTypes() {
    server.execute(db, "CREATE TABLE fills (id int4 PRIMARY KEY, price numeric(10,2), note varchar(20), at timestamptz)");

    export.exportToPostgres("SELECT 1 AS id, 9.999 AS price, 'first' AS note, NULL::TIMESTAMPTZ AS at", "apps.fills",
        ExportMode.APPEND);
    export.exportToPostgres("SELECT 2 AS id, 5 AS price, 'second' AS note, TIMESTAMPTZ '2024-05-01 12:00:00+00' AS at",
        "apps.fills", ExportMode.APPEND);

    assertThat(pg("SELECT id || ' ' || price || ' ' || note || ' ' || coalesce(at::text, '-') FROM fills ORDER BY id"))
        .containsExactly("1 10.00 first -", "2 5.00 second 2024-05-01 12:00:00+00");
  }

  @Test
  void upsertInsertsNewKeysAndUpdatesExistingOnes() {
    export.exportToPostgres("SELECT i AS id, 'v1' AS version FROM range(1000) t(i)", "apps.state", ExportMode.UPSERT,
        List.of("id"));
    export.exportToPostgres("SELECT i AS id, 'v2' AS version FROM range(500, 1500) t(i)", "apps.state",
        ExportMode.UPSERT, List.of("id"));

    assertThat(pg("SELECT version || ' ' || count(*) FROM state GROUP BY version ORDER BY version"))
        .containsExactly("v1 500", "v2 1000");
  }

  @Test
  void everyTypeRoundTripsThroughExport() {
    export.exportToPostgres("SELECT 1::SMALLINT AS s, 2::INTEGER AS i, 3::BIGINT AS b, 1.5::FLOAT AS f4, 0.1::DOUBLE AS f8,"
        + " -123456789012.345678::DECIMAL(30,6) AS big_dec, 'héllo'::VARCHAR AS t, true AS flag, DATE '2024-02-29' AS d,"
        + " TIMESTAMPTZ '2024-03-01 09:30:00.123456+00' AS ts, TIMESTAMP '2024-01-01 10:00:00' AS naive,"
        + " TIME '13:45:00.5' AS tm, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::UUID AS u, '{\"a\":[1,2]}'::JSON AS j,"
        + " '\\xDE\\xAD'::BLOB AS raw, [1, NULL, 3] AS ints, ['x', 'y z'] AS texts, INTERVAL '1 year 2 days 3 hours' AS iv,"
        + " 12345678901234567890123456789012345678::HUGEINT AS huge", "apps.types", ExportMode.REPLACE);

    assertThat(pg("SELECT concat_ws('|', s, i, b, f4, f8, big_dec, t, flag, d, ts, naive, tm, u, j, encode(raw, 'hex'),"
        + " ints, texts, iv, huge) FROM types"))
        .containsExactly("1|2|3|1.5|0.1|-123456789012.345678|héllo|t|2024-02-29|2024-03-01 09:30:00.123456+00|"
            + "2024-01-01 10:00:00|13:45:00.5|a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|{\"a\": [1, 2]}|dead|{1,NULL,3}|"
            + "{x,\"y z\"}|1 year 2 days 03:00:00|12345678901234567890123456789012345678");
    assertThat(pg("SELECT string_agg(data_type, ',' ORDER BY ordinal_position) FROM information_schema.columns"
        + " WHERE table_name = 'types'"))
        .containsExactly("smallint,integer,bigint,real,double precision,numeric,text,boolean,date,"
            + "timestamp with time zone,timestamp without time zone,time without time zone,uuid,jsonb,bytea,ARRAY,ARRAY,"
            + "interval,numeric");
  }

  @Test
  void readOnlySourceRefusesExports() {
    assertThatThrownBy(() -> export.exportToPostgres("SELECT 1 AS n", "reports.numbers", ExportMode.APPEND))
        .isInstanceOfSatisfying(PlatformException.class,
            e -> assertThat(e.sqlState()).isEqualTo(SqlState.READ_ONLY_SQL_TRANSACTION))
        .hasMessageContaining("\"reports\" is read-only");
  }

  private List<String> pg(String sql) {
    try (Connection connection = server.connect(db)) {
      return FirstColumn.of(connection, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
