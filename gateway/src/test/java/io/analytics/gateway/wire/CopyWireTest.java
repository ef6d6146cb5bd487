package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.gateway.testing.GatewayExtension;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

/** COPY TO STDOUT and COPY FROM STDIN through pgjdbc's CopyManager. */
class CopyWireTest {
  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static CopyManager copyManager(Connection connection) throws SQLException {
    return new CopyManager(connection.unwrap(BaseConnection.class));
  }

  @Test
  void copyQueryToStdoutAsCsvWithHeader() throws Exception {
    try (Connection connection = gateway.connect()) {
      StringWriter out = new StringWriter();
      long rows = copyManager(connection).copyOut(
          "COPY (SELECT i AS id, 'a,b' AS text, NULL AS nothing, '' AS empty FROM range(3) t(i)) TO STDOUT WITH (FORMAT csv, HEADER)", out);
      assertThat(rows).isEqualTo(3);
      assertThat(out.toString()).isEqualTo("id,text,nothing,empty\n0,\"a,b\",,\"\"\n1,\"a,b\",,\"\"\n2,\"a,b\",,\"\"\n");
    }
  }

  @Test
  void copyTableToStdoutInTextFormatEscapesSpecialCharacters() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE copy_text(a VARCHAR, b INT)");
      statement.execute("INSERT INTO copy_text VALUES ('tab\there', 1), ('new\nline', NULL), ('back\\slash', 3)");
      StringWriter out = new StringWriter();
      long rows = copyManager(connection).copyOut("COPY copy_text TO STDOUT", out);
      assertThat(rows).isEqualTo(3);
      assertThat(out.toString()).isEqualTo("tab\\there\t1\nnew\\nline\t\\N\nback\\\\slash\t3\n");
    }
  }

  @Test
  void copyFromStdinLoadsTextAndCsv() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE copy_in(id INT, name VARCHAR, note VARCHAR)");
      String text = "1\talice\t\\N\n2\tbob\ttab\\there\n";
      long textRows = copyManager(connection).copyIn("COPY copy_in FROM STDIN", new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
      String csv = "id,name,note\n3,\"carol, jr\",\n4,dave,\"\"\n";
      long csvRows = copyManager(connection).copyIn("COPY copy_in FROM STDIN WITH (FORMAT csv, HEADER true)", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
      assertThat(textRows).isEqualTo(2);
      assertThat(csvRows).isEqualTo(2);
      try (ResultSet rs = statement.executeQuery("SELECT id, name, note, note IS NULL FROM copy_in ORDER BY id")) {
        StringBuilder seen = new StringBuilder();
        while (rs.next()) {
          seen.append(rs.getInt(1)).append('|').append(rs.getString(2)).append('|').append(rs.getString(3)).append('|').append(rs.getBoolean(4)).append('\n');
        }
        assertThat(seen.toString()).isEqualTo("1|alice|null|true\n2|bob|tab\there|false\n3|carol, jr|null|true\n4|dave||false\n");
      }
    }
  }

  @Test
  void badRowMidCopyLoadsNothing() throws Exception {
    try (Connection connection = gateway.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE copy_atomic(id INT)");
      String data = "1\n2\nnot-a-number\n4\n";
      assertThatThrownBy(() -> copyManager(connection).copyIn("COPY copy_atomic FROM STDIN", new ByteArrayInputStream(data.getBytes(StandardCharsets.UTF_8))))
          .isInstanceOf(SQLException.class)
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22P04");
      try (ResultSet rs = statement.executeQuery("SELECT count(*) FROM copy_atomic")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  @Test
  void copyIntoMissingTableFailsBeforeAnyData() throws Exception {
    try (Connection connection = gateway.connect()) {
      assertThatThrownBy(() -> copyManager(connection).copyIn("COPY no_such_table FROM STDIN", new ByteArrayInputStream(new byte[0])))
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("42P01");
    }
  }
}
