package io.analytics.gateway.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.analytics.gateway.testing.PsqlBinary;
import io.analytics.gateway.testing.TestGateway;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** psql's list commands against the lake: \dn, \dt, \dt gold.*, \dv, \l and \du print the lake's objects. */
class PsqlCatalogWireTest {
  private static TestGateway gateway;
  private static Path psql;

  @BeforeAll
  static void start() {
    psql = PsqlBinary.find();
    if (psql == null) {
      System.out.println("PsqlCatalogWireTest skipped: no psql binary on PATH (install postgresql-client)");
    }
    assumeTrue(psql != null, "psql is not on PATH");
    gateway = TestGateway.start();
  }

  @AfterAll
  static void stop() {
    if (gateway != null) {
      gateway.close();
    }
  }

  private static String psql(String command) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(psql.toString(), "-X", "-h", "127.0.0.1", "-p", Integer.toString(gateway.port()),
        "-U", "analyst", "-d", "lake", "-c", command);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }

  @Test
  void schemasListTheLayers() throws Exception {
    assertThat(psql("\\dn")).doesNotContain("ERROR").contains("bronze").contains("gold").contains("silver").contains("analytics");
  }

  @Test
  void lakeDatasetsAreTables() throws Exception {
    String tables = psql("\\dt");
    assertThat(tables).doesNotContain("ERROR").contains("gold   | daily_pnl | table").contains("bronze | trades    | table");
    assertThat(psql("\\dt gold.*")).doesNotContain("ERROR").contains("daily_pnl").doesNotContain("trades");
    assertThat(psql("\\dv")).doesNotContain("ERROR").doesNotContain("daily_pnl");
  }

  @Test
  void describeShowsColumnsWithPostgresTypeNames() throws Exception {
    assertThat(psql("\\d gold.daily_pnl")).doesNotContain("ERROR").contains("Table \"gold.daily_pnl\"")
        .contains(" pnl    | numeric(18,2) ").contains(" date   | date ").contains(" symbol | text ");
    assertThat(psql("\\d bronze.trades")).doesNotContain("ERROR").contains("timestamp with time zone").contains("numeric(18,4)");
    assertThat(psql("\\d")).doesNotContain("ERROR").contains("daily_pnl");
  }

  @Test
  void plusVariantsShowLakeSizes() throws Exception {
    String tables = psql("\\dt+ gold.*");
    assertThat(tables).doesNotContain("ERROR").contains("daily_pnl").containsPattern("\\d+ (bytes|kB)");
    assertThat(tables).doesNotContain("| 0 bytes");
    assertThat(psql("\\d+ gold.daily_pnl")).doesNotContain("ERROR").contains("numeric(18,2)");
  }

  @Test
  void functionsTypesAndConnectionInfoAnswer() throws Exception {
    assertThat(psql("\\df")).doesNotContain("ERROR").contains("List of functions");
    assertThat(psql("\\dT")).doesNotContain("ERROR").contains("List of data types");
    assertThat(psql("\\conninfo")).contains("You are connected to database \"lake\" as user \"analyst\"");
  }

  @Test
  void databasesAndRoles() throws Exception {
    assertThat(psql("\\l")).doesNotContain("ERROR").contains("lake").contains("UTF8");
    assertThat(psql("\\du")).doesNotContain("ERROR").contains("analytics").contains("analyst");
  }
}
