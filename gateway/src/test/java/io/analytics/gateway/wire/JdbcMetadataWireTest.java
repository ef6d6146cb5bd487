package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** pgjdbc's DatabaseMetaData over the lake: schemas, tables and columns with their SQL types. */
class JdbcMetadataWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @Test
  void schemasTablesAndColumns() throws Exception {
    try (Connection connection = gateway.connect()) {
      DatabaseMetaData metadata = connection.getMetaData();
      List<String> schemas = new ArrayList<>();
      try (ResultSet rows = metadata.getSchemas()) {
        while (rows.next()) {
          schemas.add(rows.getString("TABLE_SCHEM"));
        }
      }
      assertThat(schemas).contains("bronze", "gold");

      List<String> tables = new ArrayList<>();
      try (ResultSet rows = metadata.getTables(null, "gold", "%", new String[] {"TABLE"})) {
        while (rows.next()) {
          tables.add(rows.getString("TABLE_SCHEM") + "." + rows.getString("TABLE_NAME") + ":" + rows.getString("TABLE_TYPE"));
        }
      }
      assertThat(tables).containsExactly("gold.daily_pnl:TABLE");

      List<String> columns = new ArrayList<>();
      try (ResultSet rows = metadata.getColumns(null, "gold", "daily_pnl", "%")) {
        while (rows.next()) {
          columns.add(rows.getString("COLUMN_NAME") + ":" + rows.getString("TYPE_NAME") + ":" + rows.getInt("DATA_TYPE")
              + ":" + rows.getInt("COLUMN_SIZE") + ":" + rows.getInt("DECIMAL_DIGITS"));
        }
      }
      assertThat(columns).containsExactly(
          "date:date:" + Types.DATE + ":13:0",
          "symbol:text:" + Types.VARCHAR + ":2147483647:0",
          "pnl:numeric:" + Types.NUMERIC + ":18:2");
    }
  }

  /**
   * The rest of what DBeaver and BI tools call on DatabaseMetaData: each answers, empty where the lake
   * has nothing. (getTypeInfo, getFunctions and getProcedures do not work yet: see docs/COMPATIBILITY.md.)
   */
  @Test
  void keysIndexesTypesAndFunctions() throws Exception {
    try (Connection connection = gateway.connect()) {
      DatabaseMetaData metadata = connection.getMetaData();
      assertThat(count(metadata.getCatalogs())).isEqualTo(1);
      assertThat(count(metadata.getTableTypes())).isPositive();
      assertThat(count(metadata.getPrimaryKeys(null, "gold", "daily_pnl"))).isZero();
      assertThat(count(metadata.getImportedKeys(null, "gold", "daily_pnl"))).isZero();
      assertThat(count(metadata.getExportedKeys(null, "gold", "daily_pnl"))).isZero();
      assertThat(count(metadata.getIndexInfo(null, "gold", "daily_pnl", false, true))).isZero();
      assertThat(metadata.getDatabaseProductName()).isEqualTo("PostgreSQL");
      assertThat(metadata.getDatabaseMajorVersion()).isGreaterThanOrEqualTo(15);
    }
  }

  /** ResultSetMetaData of a query: types, precision and scale as RowDescription sends them. */
  @Test
  void resultSetMetaDataOfAQuery() throws Exception {
    try (Connection connection = gateway.connect();
        ResultSet rows = connection.createStatement().executeQuery("SELECT date, symbol, pnl, count(*) OVER () FROM gold.daily_pnl")) {
      java.sql.ResultSetMetaData metaData = rows.getMetaData();
      assertThat(metaData.getColumnType(1)).isEqualTo(Types.DATE);
      assertThat(metaData.getColumnType(2)).isEqualTo(Types.VARCHAR);
      assertThat(metaData.getColumnType(3)).isEqualTo(Types.NUMERIC);
      assertThat(metaData.getPrecision(3)).isEqualTo(18);
      assertThat(metaData.getScale(3)).isEqualTo(2);
      assertThat(metaData.getColumnType(4)).isEqualTo(Types.BIGINT);
      assertThat(metaData.getColumnName(4)).isEqualTo("count");
    }
  }

  private static int count(ResultSet rows) throws Exception {
    int count = 0;
    try (rows) {
      while (rows.next()) {
        count++;
      }
    }
    return count;
  }
}
