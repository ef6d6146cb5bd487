package io.analytics.gateway.differential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.ClientScript;
import io.analytics.gateway.testing.GatewayExtension;
import io.analytics.gateway.testing.ReferenceDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The differential suite's hand-written and client areas ({@value #AREAS}) through psycopg2 and
 * node-postgres instead of pgjdbc, against PostgreSQL 15 and the gateway, comparing what each driver
 * hands the application: column names, type OIDs and every value as the host object the driver made
 * (psycopg2's Decimal, datetime, list; JavaScript's number, string, Date, Buffer), or the SQLSTATE
 * class. A case may answer otherwise only where pgjdbc already finds it differing (listed in
 * {@code differential/known/*.tsv} or its case file) or where {@value #DRIVER_DIFFERENCES} names it
 * for that driver, with the reason.
 */
class DriverDifferentialTest {
  private static final String AREAS = "cases, clients";
  private static final String DRIVER_DIFFERENCES = "differential/known/driver-differences.tsv";
  private static final String DATABASE = "lake";
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  @RegisterExtension static final ReferenceDatabase postgres = new ReferenceDatabase(DATABASE);

  @Test
  void psycopg2GetsPostgresValuesForTheClientAreas() throws Exception {
    String python = ClientScript.pythonWith("psycopg2");
    assumeTrue(python != null, "python3 with psycopg2 is not installed");
    String dsn = postgres.libpqDsn();
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of("CASES", casesFile().toString(),
        "REFERENCE_DSN", dsn), python, ClientScript.CLIENTS.resolve("python").resolve("differential_driver.py").toString());
    assertOnlyKnownDifferences("psycopg2", result);
  }

  @Test
  void nodePostgresGetsPostgresValuesForTheClientAreas() throws Exception {
    Path node = ClientScript.CLIENTS.resolve("node");
    assumeTrue(Files.isDirectory(node.resolve("node_modules").resolve("pg")), "node-postgres is not installed");
    ClientScript.Result result = ClientScript.run(gateway.host(), gateway.port(), Map.of("CASES", casesFile().toString(),
            "REFERENCE_HOST", postgres.server().host(), "REFERENCE_PORT", Integer.toString(postgres.server().port()),
            "REFERENCE_USER", PostgresServer.USER, "REFERENCE_PASSWORD", PostgresServer.PASSWORD, "REFERENCE_DATABASE", DATABASE),
        "node", node.resolve("differential_driver.js").toString());
    assertOnlyKnownDifferences("node-postgres", result);
  }

  private static void assertOnlyKnownDifferences(String driver, ClientScript.Result result) throws Exception {
    assertThat(result.exitCode()).as(result.toString()).isZero();
    KnownDifferences differences = KnownDifferences.load("/differential/known/differences.tsv");
    KnownDifferences wrongValues = KnownDifferences.load("/differential/known/wrong-values.tsv");
    Set<String> driverDifferences = DriverDifferences.load("/" + DRIVER_DIFFERENCES, driver);
    int cases = 0;
    int same = 0;
    List<String> unexpected = new ArrayList<>();
    for (String line : result.out().lines().filter(l -> l.startsWith("{")).toList()) {
      JsonNode answer = JSON.readTree(line);
      String area = answer.get("area").asText();
      String name = answer.get("case").asText();
      cases++;
      if (answer.get("same").asBoolean()) {
        same++;
      } else if (!differsThroughPgjdbc(area, name, differences, wrongValues) && !driverDifferences.contains(area + "\t" + name)) {
        unexpected.add(area + "\t" + name + "\n    PostgreSQL: " + answer.get("postgres") + "\n    gateway:    " + answer.get("gateway"));
      }
    }
    System.out.printf("differential cases through %s: %d of %d answer as PostgreSQL 15%n", driver, same, cases);
    assertThat(cases).as("cases run through " + driver + "\n" + result).isEqualTo(expectedCases());
    assertThat(unexpected).as("cases answering unlike PostgreSQL through " + driver + " only (not listed)").isEmpty();
  }

  private static boolean differsThroughPgjdbc(String area, String name, KnownDifferences differences, KnownDifferences wrongValues) {
    for (Protocol protocol : Protocol.values()) {
      if (differences.names(area, name, protocol) || wrongValues.names(area, name, protocol)) {
        return true;
      }
    }
    return areas().stream().filter(a -> a.name().equals(area)).flatMap(a -> a.cases().stream())
        .anyMatch(c -> c.name().equals(name) && c.expectedToDiffer());
  }

  private static List<DifferentialArea> areas() {
    List<String> wanted = List.of(AREAS.split(", "));
    return DifferentialCases.all().stream().filter(area -> wanted.contains(area.name())).toList();
  }

  private static long expectedCases() {
    return areas().stream().mapToLong(area -> area.cases().size()).sum();
  }

  /** The areas as the scripts read them: SQL with psycopg2's and node-postgres' placeholders, typed parameters. */
  private static Path casesFile() throws Exception {
    ArrayNode areas = JSON.createArrayNode();
    for (DifferentialArea area : areas()) {
      ObjectNode json = areas.addObject().put("name", area.name());
      area.setup().forEach(json.putArray("setup")::add);
      ArrayNode cases = json.putArray("cases");
      for (DifferentialCase testCase : area.cases()) {
        ObjectNode item = cases.addObject().put("name", testCase.name()).put("sql", testCase.sql())
            .put("sqlPercent", Placeholders.percent(testCase.sql())).put("sqlNumbered", Placeholders.numbered(testCase.sql()))
            .put("ordered", RowOrder.definedBy(testCase.sql()));
        testCase.setup().forEach(item.putArray("setup")::add);
        ArrayNode params = item.putArray("params");
        for (Object value : testCase.parameters()) {
          params.addObject().put("type", typeOf(value)).put("value", value == null ? null : value.toString());
        }
      }
    }
    Path file = Files.createTempFile("driver-cases", ".json");
    file.toFile().deleteOnExit();
    JSON.writeValue(file.toFile(), areas);
    return file;
  }

  private static String typeOf(Object value) {
    return value == null ? "null" : value instanceof Integer ? "int" : value instanceof LocalDate ? "date"
        : value instanceof java.math.BigDecimal ? "numeric" : "text";
  }
}
