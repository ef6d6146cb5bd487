package io.analytics.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.ScratchDuckDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Which statements' results may be cached, decided from DuckDB's own parse trees and function catalog. */
class CacheableReadTest {
  @RegisterExtension static final ScratchDuckDb DUCKDB = new ScratchDuckDb();
  private static FunctionStability stability;

  @BeforeAll
  static void loadFunctionStability() {
    stability = FunctionStability.load(DUCKDB.database());
  }

  private static Optional<Set<String>> read(String sql) throws Exception {
    try (Connection connection = DUCKDB.database().connect(); PreparedStatement statement = connection.prepareStatement("SELECT json_serialize_sql(?)")) {
      statement.setString(1, sql);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return CacheableRead.datasetsRead(rows.getString(1), stability);
      }
    }
  }

  @Test
  void deterministicReadsOfLayerQualifiedDatasetsAreCacheable() throws Exception {
    assertThat(read("SELECT symbol, sum(quantity) FROM bronze.trades WHERE date = DATE '2024-01-01' + 3 GROUP BY symbol"))
        .contains(Set.of("bronze.trades"));
    assertThat(read("WITH d AS (SELECT * FROM gold.Daily_Pnl) SELECT d.symbol, t.side FROM d JOIN silver.trades t USING (symbol)"))
        .contains(Set.of("gold.daily_pnl", "silver.trades"));
  }

  @Test
  void volatileAndWithinQueryFunctionsAreNot() throws Exception {
    assertThat(read("SELECT random() FROM gold.pnl")).isEmpty();
    assertThat(read("SELECT now(), * FROM gold.pnl")).isEmpty();
    assertThat(read("SELECT * FROM gold.pnl WHERE date = current_date")).isEmpty();
    assertThat(read("SELECT * FROM gold.pnl WHERE ts < current_timestamp")).isEmpty();
    assertThat(read("SELECT * FROM gold.pnl ORDER BY random() LIMIT 1")).isEmpty();
    assertThat(read("SELECT * FROM gold.pnl USING SAMPLE 10%")).isEmpty();
    assertThat(read("SELECT no_such_function(x) FROM gold.pnl")).isEmpty();
  }

  @Test
  void anythingButLakeDatasetsIsNot() throws Exception {
    assertThat(read("SELECT * FROM trades")).isEmpty();
    assertThat(read("SELECT * FROM main.accounts")).isEmpty();
    assertThat(read("SELECT * FROM gold.pnl, pg_catalog.pg_class")).isEmpty();
    assertThat(read("SELECT * FROM read_parquet('x.parquet')")).isEmpty();
    assertThat(read("INSERT INTO gold.pnl VALUES (1)")).isEmpty();
  }

  @Test
  void aSelectOfLiteralsAloneIsCacheableAndReadsNoDataset() throws Exception {
    assertThat(read("SELECT 1")).contains(Set.of());
    assertThat(read("select 'ok' AS status, NULL, 2.5")).contains(Set.of());
  }

  @Test
  void aTablelessSelectWithAnythingButLiteralsIsNot() throws Exception {
    assertThat(read("SELECT 1 + 1")).isEmpty();
    assertThat(read("SELECT abs(-1)")).isEmpty();
    assertThat(read("SELECT 'trades'::regclass")).isEmpty();
    assertThat(read("SELECT CAST(1 AS integer)")).isEmpty();
    assertThat(read("SELECT pg_backend_pid()")).isEmpty();
    assertThat(read("SELECT current_user")).isEmpty();
    assertThat(read("SELECT current_database()")).isEmpty();
    assertThat(read("SELECT version()")).isEmpty();
    assertThat(read("SELECT $1")).isEmpty();
    assertThat(read("SELECT 1 WHERE random() < 0.5")).isEmpty();
    assertThat(read("SELECT DISTINCT 1")).isEmpty();
    assertThat(read("WITH c AS (SELECT 1) SELECT 2")).isEmpty();
    assertThat(read("SELECT 1 UNION ALL SELECT 2")).isEmpty();
  }
}
