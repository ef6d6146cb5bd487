package io.analytics.engine.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class PostgresServerTest {
  @Test
  void sharedServerAnswersQueries() throws Exception {
    PostgresServer server = PostgresServer.shared();
    System.out.println("PostgreSQL for tests: " + server.description());
    String db = server.createDatabase("fixture_check");
    try (Connection connection = server.connect(db);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT 1 + 1")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getInt(1)).isEqualTo(2);
    }
  }
}
