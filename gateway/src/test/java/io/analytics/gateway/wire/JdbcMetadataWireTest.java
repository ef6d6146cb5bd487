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
}
