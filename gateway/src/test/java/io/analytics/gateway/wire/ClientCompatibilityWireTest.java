package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.SingleValue;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What drivers, poolers and BI tools send besides plain queries, checked with pgjdbc over a real
 * socket: PostgreSQL's result column names, version(), current_setting and set_config, the
 * session statements poolers use, and SQL cursors (DECLARE / FETCH / MOVE / CLOSE, as Tableau reads).
 */
class ClientCompatibilityWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void unaliasedColumnsAreNamedAsPostgresNamesThem() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(
            "SELECT count(*), sum(quantity), max(ts)::date, 1, 1 + 2, 'a'::text, min(price)::int, "
                + "(SELECT max(trade_id) FROM bronze.trades), CASE WHEN true THEN 1 END, coalesce(NULL, 1), "
                + "count(*) AS n, symbol FROM bronze.trades GROUP BY symbol ORDER BY symbol LIMIT 1")) {
      assertThat(columnNames(rows.getMetaData())).containsExactly(
          "count", "sum", "max", "?column?", "?column?", "text", "min", "max", "case", "coalesce", "n", "symbol");
    }
  }

  @Test
  void preparedStatementsNameColumnsTheSameWay() throws SQLException {
    try (Connection connection = gateway.connect();
        var statement = connection.prepareStatement("SELECT count(*), avg(price) FROM bronze.trades WHERE symbol = ?")) {
      statement.setString(1, "SYM1");
      try (ResultSet rows = statement.executeQuery()) {
        assertThat(columnNames(rows.getMetaData())).containsExactly("count", "avg");
        rows.next();
        assertThat(rows.getLong("count")).isEqualTo(500);
      }
    }
  }

  @Test
  void versionAndSettingsAnswerLikePostgres() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      assertThat(SingleValue.of(statement, "SELECT version()")).matches("PostgreSQL 1\\d\\.\\d+ .*");
      assertThat(SingleValue.of(statement, "SELECT pg_catalog.version()")).startsWith("PostgreSQL ");
      assertThat(SingleValue.of(statement, "SELECT current_setting('standard_conforming_strings')")).isEqualTo("on");
      assertThat(SingleValue.of(statement, "SELECT pg_catalog.current_setting('server_version_num', true)")).startsWith("1");
      assertThat(SingleValue.of(statement, "SELECT set_config('application_name', 'from set_config', false)")).isEqualTo("from set_config");
      assertThat(SingleValue.of(statement, "SHOW application_name")).isEqualTo("from set_config");
      assertThat(SingleValue.of(statement, "SELECT current_setting('application_name')")).isEqualTo("from set_config");
      assertThat(SingleValue.of(statement, "SHOW transaction_isolation")).isNotEmpty();
      statement.execute("SET ROLE analyst");
      statement.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED");
      statement.execute("DISCARD ALL");
      assertThat(SingleValue.of(statement, "SHOW application_name")).isEmpty();
      assertThatThrownBy(() -> statement.execute("DISCARD EVERYTHING"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42601"));
    }
  }

  /** What Metabase, Grafana, DBeaver and Superset ask about the server and the session on connect. */
  @Test
  void sessionIdentityAndServerQuestionsAnswerLikePostgres() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT current_user, session_user, user, current_database(), current_catalog, "
            + "pg_is_in_recovery(), (SELECT count(*) FROM pg_get_keywords() WHERE word = 'select' AND catcode = 'R'), "
            + "(SELECT count(*) FROM pg_extension), (SELECT count(*) FROM pg_matviews), (SELECT count(*) FROM pg_enum), "
            + "txid_current() > 0, has_table_privilege('bronze.trades', 'SELECT'), "
            + "(SELECT count(*) FROM pg_settings WHERE name IS NOT NULL) > 0")) {
      assertThat(columnNames(rows.getMetaData())).startsWith("current_user", "session_user", "user", "current_database", "current_catalog",
          "pg_is_in_recovery");
      rows.next();
      assertThat(rows.getString(1)).isEqualTo("tester");
      assertThat(rows.getString(2)).isEqualTo("tester");
      assertThat(rows.getString(3)).isEqualTo("tester");
      assertThat(rows.getString(4)).isEqualTo("lake");
      assertThat(rows.getString(5)).isEqualTo("lake");
      assertThat(rows.getBoolean(6)).isFalse();
      assertThat(rows.getLong(7)).isEqualTo(1);
      assertThat(rows.getLong(8)).isZero();
      assertThat(rows.getLong(9)).isZero();
      assertThat(rows.getLong(10)).isZero();
      assertThat(rows.getBoolean(11)).isTrue();
      assertThat(rows.getBoolean(12)).isTrue();
      assertThat(rows.getBoolean(13)).isTrue();
    }
  }

  /** The lake in the catalog: row counts from Parquet footers, descriptions from the declared schema, layers described. */
  @Test
  void catalogToolsSeeRowCountsAndDescriptions() throws SQLException {
    io.analytics.engine.lake.DeclaredSchemaFile.write(gateway.home().dataDir().resolve("gold").resolve("daily_pnl"),
        new io.analytics.catalog.schema.TableSchema("daily_pnl", "Profit and loss per symbol and day",
            List.of(new io.analytics.catalog.schema.ColumnSpec("date", "date", true, null, "Trading day"),
                new io.analytics.catalog.schema.ColumnSpec("symbol", "varchar", true, null, null),
                new io.analytics.catalog.schema.ColumnSpec("pnl", "decimal(18,2)", false, null, "Realised P&L in USD")),
            List.of(), List.of()));
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      assertThat(SingleValue.of(statement, "SELECT reltuples::bigint FROM pg_catalog.pg_class WHERE relname = 'trades'")).isEqualTo("10000");
      assertThat(SingleValue.of(statement, "SELECT obj_description('gold.daily_pnl'::regclass, 'pg_class')"))
          .isEqualTo("Profit and loss per symbol and day");
      assertThat(SingleValue.of(statement, "SELECT col_description('gold.daily_pnl'::regclass, 3)")).isEqualTo("Realised P&L in USD");
      assertThat(SingleValue.of(statement, "SELECT obj_description(oid, 'pg_namespace') FROM pg_namespace WHERE nspname = 'bronze'"))
          .startsWith("Raw data as ingested");
      java.sql.DatabaseMetaData metaData = connection.getMetaData();
      try (ResultSet tables = metaData.getTables(null, "gold", "daily_pnl", null)) {
        assertThat(tables.next()).isTrue();
        assertThat(tables.getString("REMARKS")).isEqualTo("Profit and loss per symbol and day");
      }
      List<String> remarks = new ArrayList<>();
      try (ResultSet columns = metaData.getColumns(null, "gold", "daily_pnl", null)) {
        while (columns.next()) {
          remarks.add(columns.getString("COLUMN_NAME") + "=" + columns.getString("REMARKS"));
        }
      }
      assertThat(remarks).containsExactly("date=Trading day", "symbol=null", "pnl=Realised P&L in USD");
    }
  }

  @Test
  void catalogFunctionsSurviveARolledBackTransaction() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      assertThat(SingleValue.of(statement, "SELECT version()")).startsWith("PostgreSQL ");
      connection.rollback();
      // The session's catalog objects were created inside the rolled-back transaction; they come back.
      assertThat(SingleValue.of(statement, "SELECT version()")).startsWith("PostgreSQL ");
      connection.commit();
    }
  }

  @Test
  void cursorsFetchForwardInPieces() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.execute("DECLARE outside CURSOR FOR SELECT 1"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("25P01"));
      connection.setAutoCommit(false);
      statement.execute("DECLARE c NO SCROLL CURSOR FOR SELECT trade_id FROM bronze.trades ORDER BY trade_id");
      assertThat(longs(statement, "FETCH 3 FROM c")).containsExactly(0L, 1L, 2L);
      statement.execute("MOVE FORWARD 2997 IN c");
      // Another statement in between parks the cursor in memory where it stood, mid-batch.
      assertThat(SingleValue.of(statement, "SELECT count(*) FROM bronze.trades")).isEqualTo("10000");
      assertThat(longs(statement, "FETCH NEXT FROM c")).containsExactly(3000L);
      assertThat(longs(statement, "FETCH ALL IN c")).hasSize(6999);
      assertThat(longs(statement, "FETCH 1 FROM c")).isEmpty();
      assertThat(SingleValue.of(statement, "SELECT count(*) FROM pg_cursors WHERE name = 'c'")).isEqualTo("1");
      assertThatThrownBy(() -> statement.execute("FETCH PRIOR FROM c"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("55000"));
      connection.rollback();
      assertThatThrownBy(() -> statement.execute("FETCH 1 FROM c"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("34000"));
      connection.rollback();
    }
  }

  /** Tableau: DECLARE ... CURSOR WITH HOLD, COMMIT, then FETCH n and CLOSE outside the transaction. */
  @Test
  void cursorsWithHoldOutliveTheirTransaction() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      connection.setAutoCommit(false);
      statement.execute("DECLARE \"SQL_CUR1\" CURSOR WITH HOLD FOR SELECT trade_id, symbol FROM bronze.trades ORDER BY trade_id");
      assertThatThrownBy(() -> statement.execute("DECLARE \"SQL_CUR1\" CURSOR FOR SELECT 1"))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42P03"));
      connection.rollback();
      statement.execute("DECLARE \"SQL_CUR2\" CURSOR WITH HOLD FOR SELECT trade_id, symbol FROM bronze.trades ORDER BY trade_id");
      connection.commit();
      connection.setAutoCommit(true);
      assertThat(longs(statement, "FETCH 5000 IN \"SQL_CUR2\"")).hasSize(5000).startsWith(0L, 1L);
      assertThat(longs(statement, "FETCH 6000 IN \"SQL_CUR2\"")).hasSize(5000).startsWith(5000L);
      statement.execute("CLOSE \"SQL_CUR2\"");
      assertThatThrownBy(() -> statement.execute("CLOSE \"SQL_CUR2\""))
          .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("34000"));
    }
  }

  private static List<String> columnNames(ResultSetMetaData metaData) throws SQLException {
    List<String> names = new ArrayList<>();
    for (int i = 1; i <= metaData.getColumnCount(); i++) {
      names.add(metaData.getColumnName(i));
    }
    return names;
  }

  private static List<Long> longs(Statement statement, String sql) throws SQLException {
    List<Long> values = new ArrayList<>();
    try (ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getLong(1));
      }
    }
    return values;
  }
}
