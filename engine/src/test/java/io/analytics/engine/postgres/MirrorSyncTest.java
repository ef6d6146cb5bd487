package io.analytics.engine.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.config.DuckDbConfig;
import io.analytics.catalog.config.PostgresSourceConfig;
import io.analytics.engine.duckdb.DuckDbDatabase;
import io.analytics.engine.testing.FirstColumn;
import io.analytics.engine.testing.PostgresServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MirrorSyncTest {
  private static PostgresServer server;
  private static String db;
  private DuckDbDatabase duck;
  private SourceSynchronizer synchronizer;
  private PostgresSourceConfig source;

  @BeforeAll
  static void startPostgres() {
    server = PostgresServer.shared();
    db = server.createDatabase("mirror_sync");
  }

  @BeforeEach
  void openDuckDb() {
    duck = DuckDbDatabase.inMemory(DuckDbConfig.defaults());
    synchronizer = new SourceSynchronizer(duck, DuckDbConfig.defaults());
    source = new PostgresSourceConfig("oltp", server.host(), server.port(), db, PostgresServer.USER,
        PostgresServer.PASSWORD, List.of("public", "sales"), true, null, Map.of("fills", "fill_id"));
    server.execute(db, "DROP SCHEMA IF EXISTS public CASCADE", "CREATE SCHEMA public", "DROP SCHEMA IF EXISTS sales CASCADE");
  }

  @AfterEach
  void closeDuckDb() {
    duck.close();
  }

  @Test
  void everyTypeKeepsItsValueAndGetsItsDuckDbType() {
    server.execute(db,
        "CREATE TABLE types (id int4 PRIMARY KEY, n numeric(18,4), n_free numeric, n_huge numeric(50,2),"
            + " ts timestamptz, d date, t text, v varchar(10), b bool, s int2, big int8, f4 float4, f8 float8,"
            + " u uuid, j jsonb, js json, raw bytea, ints int4[], texts text[], nums numeric(10,2)[],"
            + " tm time, naive timestamp, iv interval, ip inet)",
        "INSERT INTO types VALUES (1, -12345678901234.5678, 3.14159265358979, 123456789012345678901234567890123456789012345678.25,"
            + " '2024-03-01 09:30:00.123456+02', '2024-02-29', 'héllo \"quoted\"', 'short', true, -32768,"
            + " 9223372036854775807, 1.5, 0.1, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{\"a\": [1, 2]}',"
            + " '{\"b\":1}', '\\xdeadbeef', '{1,NULL,3}', '{\"x\",\"y z\"}', '{1.50,-2.25}', '13:45:00.5',"
            + " '2024-01-01 00:00:00', '1 year 2 days 03:04:05', '10.0.0.1')",
        "INSERT INTO types (id) VALUES (2)");

    SourceSyncResult result = synchronizer.sync(source, "types", false);

    assertThat(result.succeeded()).as(result.summaryLines().toString()).isTrue();
    assertThat(result.tables().get(0).warnings())
        .containsExactlyInAnyOrder(
            "column \"n_huge\" of type numeric(50,2) has no DuckDB equivalent: mirrored as VARCHAR (its PostgreSQL text form)",
            "column \"ip\" of type inet has no DuckDB equivalent: mirrored as VARCHAR (its PostgreSQL text form)");
    assertThat(rows("SELECT column_name || ' ' || data_type FROM duckdb_columns() WHERE schema_name = 'oltp'"
        + " AND table_name = 'types' ORDER BY column_index"))
        .containsExactly("id INTEGER", "n DECIMAL(18,4)", "n_free DECIMAL(38,10)", "n_huge VARCHAR",
            "ts TIMESTAMP WITH TIME ZONE", "d DATE", "t VARCHAR", "v VARCHAR", "b BOOLEAN", "s SMALLINT", "big BIGINT",
            "f4 FLOAT", "f8 DOUBLE", "u UUID", "j JSON", "js JSON", "raw BLOB", "ints INTEGER[]", "texts VARCHAR[]",
            "nums DECIMAL(10,2)[]", "tm TIME", "naive TIMESTAMP", "iv INTERVAL", "ip VARCHAR");
    assertThat(rows("SELECT concat_ws('|', n, n_free, n_huge, timezone('UTC', ts), d, t, v, b, s, big, f4, f8, u, j, js,"
        + " hex(raw), ints::VARCHAR, texts::VARCHAR, nums::VARCHAR, tm, naive, iv, ip) FROM oltp.types WHERE id = 1"))
        .containsExactly("-12345678901234.5678|3.1415926536|123456789012345678901234567890123456789012345678.25|"
            + "2024-03-01 07:30:00.123456|2024-02-29|héllo \"quoted\"|short|true|-32768|9223372036854775807|1.5|0.1|"
            + "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11|{\"a\": [1, 2]}|{\"b\":1}|DEADBEEF|[1, NULL, 3]|[x, y z]|[1.50, -2.25]|"
            + "13:45:00.5|2024-01-01 00:00:00|1 year 2 days 03:04:05|10.0.0.1/32");
    assertThat(rows("SELECT count(*) FROM oltp.types WHERE id = 2 AND n IS NULL AND ts IS NULL AND ints IS NULL"
        + " AND u IS NULL AND raw IS NULL")).containsExactly("1");
  }

  @Test
  void millionRowTableMirrorsInSeconds() {
    server.execute(db, "CREATE TABLE ticks (id int8 PRIMARY KEY, symbol text, price numeric(18,4), ts timestamptz,"
        + " qty int4, flag bool)",
        "INSERT INTO ticks SELECT i, 'SYM' || (i % 200), i / 100.0, '2024-01-01'::timestamptz + i * interval '1 ms',"
            + " i % 1000, i % 2 = 0 FROM generate_series(1, 1000000) i");

    long start = System.nanoTime();
    TableSyncResult result = synchronizer.sync(source, "ticks", false).tables().get(0);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.println("mirrored 1,000,000 rows from PostgreSQL in " + millis + " ms");

    assertThat(result.rowsInMirror()).isEqualTo(1_000_000);
    assertThat(millis).isLessThan(30_000);
    assertThat(rows("SELECT sum(price) || ' ' || count(*) FILTER (WHERE flag) FROM oltp.ticks"))
        .containsExactly("5000005000.0000 500000");
  }

  @Test
  void progressCountsRowsAgainstTheSourcesEstimateAndEndsAtIt() {
    server.execute(db, "CREATE TABLE analyzed (id int8 PRIMARY KEY)", "INSERT INTO analyzed SELECT generate_series(1, 70000)",
        "ANALYZE analyzed", "CREATE TABLE fresh (id int8)", "INSERT INTO fresh SELECT generate_series(1, 30000)");
    List<long[]> heard = new java.util.ArrayList<>();

    synchronizer.sync(source, null, false, (rows, estimated) -> heard.add(new long[] {rows, estimated}));

    // analyzed: reltuples 70,000; fresh (never analyzed, reltuples -1): counted.
    assertThat(heard).isNotEmpty().allSatisfy(report -> assertThat(report[1]).isEqualTo(100_000));
    assertThat(heard.get(0)[0]).isZero();
    assertThat(heard.get(heard.size() - 1)[0]).isEqualTo(100_000);
    assertThat(heard).extracting(report -> report[0]).isSorted();
    assertThat(heard.size()).as("reports while the rows stream in, not only per table").isGreaterThan(4);
  }

  @Test
  void tablesOfOtherSchemasGetTheSchemaAsPrefix() {
    server.execute(db, "CREATE SCHEMA sales", "CREATE TABLE sales.orders (id int8 PRIMARY KEY)",
        "INSERT INTO sales.orders SELECT generate_series(1, 5)");

    synchronizer.sync(source, null, false);

    assertThat(rows("SELECT count(*) FROM oltp.sales__orders")).containsExactly("5");
  }

  @Test
  void updatedAtColumnMakesSyncIncrementalByPrimaryKey() {
    server.execute(db,
        "CREATE TABLE orders (id int8 PRIMARY KEY, status text, updated_at timestamptz NOT NULL)",
        "INSERT INTO orders SELECT i, 'new', '2024-01-01'::timestamptz + i * interval '1 second'"
            + " FROM generate_series(1, 10000) i");

    TableSyncResult first = synchronizer.sync(source, "orders", false).tables().get(0);
    server.execute(db,
        "UPDATE orders SET status = 'filled', updated_at = '2025-01-01' WHERE id <= 10",
        "INSERT INTO orders VALUES (10001, 'new', '2025-01-01')");
    TableSyncResult second = synchronizer.sync(source, "orders", false).tables().get(0);

    assertThat(first.method()).isEqualTo("full");
    assertThat(first.rowsInMirror()).isEqualTo(10_000);
    assertThat(second.method()).isEqualTo("upsert");
    // 11 changed rows, and the row at the previous watermark, read again (>=) and upserted unchanged.
    assertThat(second.rowsRead()).isEqualTo(12);
    assertThat(second.rowsInMirror()).isEqualTo(10_001);
    assertThat(rows("SELECT status || ' ' || count(*) FROM oltp.orders GROUP BY status ORDER BY status"))
        .containsExactly("filled 10", "new 9991");
  }

  @Test
  void declaredKeyColumnMakesSyncAppendOnly() {
    server.execute(db, "CREATE TABLE fills (fill_id int8, qty int4)",
        "INSERT INTO fills SELECT i, i FROM generate_series(1, 100) i");

    synchronizer.sync(source, "fills", false);
    server.execute(db, "INSERT INTO fills SELECT i, i FROM generate_series(101, 150) i");
    TableSyncResult second = synchronizer.sync(source, "fills", false).tables().get(0);

    assertThat(second.method()).isEqualTo("append");
    assertThat(second.rowsRead()).isEqualTo(50);
    assertThat(rows("SELECT count(*) || ' ' || max(fill_id) FROM oltp.fills")).containsExactly("150 150");
    assertThat(rows("SELECT method || ' ' || rows || ' ' || watermark FROM platform.source_tables WHERE mirror = 'fills'"))
        .containsExactly("append 150 150");
  }

  @Test
  void failureInTheMiddleOfASyncLeavesTheOldMirror() {
    server.execute(db,
        "CREATE TABLE positions (id int4, qty int4, broken bool DEFAULT false)",
        "INSERT INTO positions SELECT i, 1, false FROM generate_series(1, 100000) i",
        "CREATE VIEW risky AS SELECT id, qty / CASE WHEN broken THEN 0 ELSE 1 END AS qty FROM positions");
    synchronizer.sync(source, "risky", false);
    server.execute(db, "UPDATE positions SET qty = 2", "UPDATE positions SET broken = true WHERE id = 90000");

    SourceSyncResult failed = synchronizer.sync(source, "risky", false);

    assertThat(failed.succeeded()).isFalse();
    assertThat(failed.tables().get(0).error()).contains("oltp").contains("division by zero");
    assertThat(rows("SELECT count(*) || ' ' || sum(qty) FROM oltp.risky")).containsExactly("100000 100000");
    assertThat(rows("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '__sync_%'")).containsExactly("0");
    assertThat(rows("SELECT last_error IS NOT NULL FROM platform.source_tables WHERE mirror = 'risky'"))
        .containsExactly("true");
  }

  @Test
  void sourceThatIsDownIsRecordedAndItsMirrorsStay() {
    server.execute(db, "CREATE TABLE orders (id int4)", "INSERT INTO orders VALUES (1), (2)");
    synchronizer.sync(source, null, false);
    PostgresSourceConfig down = new PostgresSourceConfig("oltp", "127.0.0.1", 1, db, "nobody", null, null, true);

    SourceSyncResult result = synchronizer.sync(down, null, false);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.error()).startsWith("postgres source \"oltp\" (nobody@127.0.0.1:1/" + db + ") is unavailable");
    assertThat(rows("SELECT status FROM platform.sources WHERE source = 'oltp'")).containsExactly("down");
    assertThat(rows("SELECT count(*) FROM oltp.orders")).containsExactly("2");
  }

  private List<String> rows(String sql) {
    try (Connection connection = duck.connect()) {
      return FirstColumn.of(connection, sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
