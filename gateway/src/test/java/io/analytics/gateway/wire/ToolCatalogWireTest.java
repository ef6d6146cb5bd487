package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.testing.GatewayExtension;
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
 * The catalog queries DBeaver, pgAdmin and psql's \dt+ send, answered with PostgreSQL 15's columns
 * (compared by name with its pg_attribute) and, where nothing of the kind exists, no rows.
 */
class ToolCatalogWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static List<String> columns(Statement statement, String relation) throws SQLException {
    try (ResultSet rs = statement.executeQuery("SELECT * FROM " + relation + " LIMIT 0")) {
      ResultSetMetaData meta = rs.getMetaData();
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        names.add(meta.getColumnName(i));
      }
      return names;
    }
  }

  private static List<String> strings(Statement statement, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (ResultSet rs = statement.executeQuery(sql)) {
      while (rs.next()) {
        values.add(rs.getString(1));
      }
    }
    return values;
  }

  @Test
  void administrationToolCatalogsAnswerWithPostgresColumns() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      for (String empty : List.of("pg_shdescription", "pg_opclass", "pg_conversion", "pg_foreign_server",
          "pg_foreign_data_wrapper", "pg_locks", "pg_rules", "pg_trigger")) {
        assertThat(strings(statement, "SELECT count(*) FROM pg_catalog." + empty)).as(empty).containsExactly("0");
      }
      assertThat(columns(statement, "pg_trigger")).contains("tgfoid", "tgrelid", "tgname", "tgenabled", "tgisinternal");
      assertThat(columns(statement, "pg_shdescription")).containsExactly("objoid", "classoid", "description");
      assertThat(strings(statement, "SELECT lanname FROM pg_language ORDER BY oid")).containsExactly("internal", "c", "sql");
      assertThat(strings(statement, "SELECT relname FROM pg_statio_user_tables WHERE schemaname = 'bronze'")).contains("trades");
      assertThat(strings(statement, "SELECT format_type(1266, -1)")).containsExactly("time with time zone");
    }
  }

  @Test
  void informationSchemaListsTheClientsDatabaseOnly() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      List<String> schemata = strings(statement, "SELECT schema_name FROM information_schema.schemata ORDER BY 1");
      assertThat(schemata).doesNotHaveDuplicates().contains("bronze", "gold", "pg_catalog", "information_schema");
      assertThat(strings(statement, "SELECT DISTINCT catalog_name FROM information_schema.schemata")).containsExactly("lake");
      statement.execute("CREATE VIEW tool_view AS SELECT 1 AS one");
      List<String> views = strings(statement, "SELECT table_name FROM information_schema.views");
      assertThat(views).contains("tool_view").noneMatch(name -> name.startsWith("duckdb_"));
      assertThat(strings(statement, "SELECT pg_get_viewdef(c.oid, true) FROM pg_class c WHERE c.relname = 'tool_view'"))
          .singleElement().asString().startsWith("SELECT 1");
    }
  }

  @Test
  void tableSizesArePerTableAndExplainTakesPostgresOptions() throws SQLException {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      List<String> sizes = strings(statement, "SELECT pg_table_size(c.oid) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
          + "WHERE n.nspname IN ('bronze', 'gold') ORDER BY c.relname");
      assertThat(sizes).hasSize(2).doesNotHaveDuplicates();
      assertThat(strings(statement, "EXPLAIN (ANALYZE, BUFFERS, COSTS off) SELECT count(*) FROM bronze.trades")).isNotEmpty();
    }
  }
}
