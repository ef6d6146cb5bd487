package io.analytics.gateway.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.testing.PostgresServer;
import io.analytics.gateway.testing.GatewayExtension;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The same SQL through pgjdbc, over the extended and the simple protocol, against a real PostgreSQL
 * and against the gateway (see {@link DifferentialCases}). Each case answers alike (column names,
 * type OIDs, values as text (ties of a top-level ORDER BY in any order, see {@link TieGroups}), or the SQLSTATE
 * class), or differs exactly as listed: documented in its
 * case file or in {@code differential/known/differences.tsv}, and a silent wrong value only when it
 * is in {@code differential/known/wrong-values.tsv}. Every run writes target/differential-report.md;
 * {@code -Ddifferential.record=true} rewrites both lists and the figures in docs/COMPATIBILITY.md
 * instead of failing; {@code -Ddifferential.area=json} runs only the areas whose name contains "json".
 */
class DifferentialSuiteTest {
  /** The same database name on both sides, so current_database() and the catalog agree. */
  private static final String DATABASE = "lake";
  private static final String KNOWN = "src/test/resources/differential/known/";
  /** Runs only the areas whose name contains this (for working on one area; nothing is recorded then). */
  private static final String ONLY = System.getProperty("differential.area", "");
  private static final boolean RECORD = Boolean.getBoolean("differential.record") && ONLY.isEmpty();

  @RegisterExtension static final GatewayExtension gateway = new GatewayExtension();

  private static final List<CaseResult> results = Collections.synchronizedList(new ArrayList<>());
  private static PostgresServer postgres;
  private static AreaRun run;
  /** How many area runs go at once. */
  private static final int PARALLEL_RUNS = 2;
  private static final ExecutorService areaRuns = Executors.newFixedThreadPool(PARALLEL_RUNS, task -> {
    Thread thread = new Thread(task, "differential-area");
    thread.setDaemon(true);
    return thread;
  });

  @BeforeAll
  static void startPostgres() {
    postgres = PostgresServer.shared();
    postgres.createDatabase(DATABASE);
  }

  @TestFactory
  Stream<DynamicTest> sameAnswersAsPostgres() {
    KnownDifferences differences = KnownDifferences.load("/differential/known/differences.tsv");
    KnownDifferences wrongValues = KnownDifferences.load("/differential/known/wrong-values.tsv");
    run = new AreaRun(this::connectPostgres, gateway::connect);
    // Areas run two at a time (each on its own connections, its tables TEMP): the suite waits on round
    // trips more than it computes. Results are still collected in the cases' order, so the recorded
    // lists do not depend on which run finished first.
    List<Map.Entry<String, Future<List<CaseResult>>>> runs = new ArrayList<>();
    for (DifferentialArea area : DifferentialCases.all()) {
      if (!area.name().contains(ONLY)) {
        continue;
      }
      for (Protocol protocol : Protocol.values()) {
        runs.add(Map.entry(area.name() + " (" + protocol.label() + " protocol)", areaRuns.submit(() -> run.run(area, protocol))));
      }
    }
    Stream<DynamicTest> areaTests = runs.stream().map(areaRun ->
        DynamicTest.dynamicTest(areaRun.getKey(), () -> {
          List<CaseResult> areaResults = areaRun.getValue().get();
          results.addAll(areaResults);
          List<String> unexpected = new ArrayList<>();
          for (CaseResult result : areaResults) {
            if (!accepted(result, differences, wrongValues)) {
              unexpected.add(result.testCase().name() + " (" + result.verdict().description() + "): " + result.testCase().sql()
                  + "\n    PostgreSQL: " + result.postgresRendered() + "\n    gateway:    " + result.gatewayRendered());
            }
          }
          if (!RECORD) {
            assertThat(unexpected).as("cases answering unlike PostgreSQL and not listed").isEmpty();
          }
        }));
    // Runs after every area's test (dynamic tests run in order): a fixed difference must leave the lists.
    DynamicTest noStaleEntries = DynamicTest.dynamicTest("known lists name only cases that still differ", () -> {
      List<String> stale = new ArrayList<>(differences.staleEntries(results, ONLY.isEmpty()));
      stale.addAll(wrongValues.staleEntries(results, ONLY.isEmpty()));
      results.stream().filter(result -> result.testCase().expectedToDiffer() && result.verdict().passes())
          .forEach(result -> stale.add(result.area() + " " + result.testCase().name() + " " + result.protocol().label()
              + " (documented to differ in its case file, now answers as PostgreSQL)"));
      if (!RECORD) {
        assertThat(stale).as("stale entries: re-record the known lists with -Ddifferential.record=true; remove a case file's differs lines by hand").isEmpty();
      }
    });
    return Stream.concat(areaTests, Stream.of(noStaleEntries));
  }

  private static boolean accepted(CaseResult result, KnownDifferences differences, KnownDifferences wrongValues) {
    if (result.verdict().passes()) {
      return true;
    }
    String area = result.area();
    String name = result.testCase().name();
    if (result.verdict().wrongValue()) {
      return wrongValues.lists(area, name, result.protocol(), result.gatewayRendered());
    }
    return result.documentedInline() || differences.lists(area, name, result.protocol(), result.gatewayRendered());
  }

  private java.sql.Connection connectPostgres(Properties extra) throws java.sql.SQLException {
    Properties properties = new Properties();
    properties.setProperty("user", PostgresServer.USER);
    properties.setProperty("password", PostgresServer.PASSWORD);
    properties.putAll(extra);
    return DriverManager.getConnection(postgres.jdbcUrl(DATABASE), properties);
  }

  @AfterAll
  static void writeReport() {
    areaRuns.shutdownNow();
    if (results.isEmpty()) {
      return;
    }
    DifferentialReport report = new DifferentialReport(results, run.gatewaySetupRefusals());
    report.writeTo(Path.of("target", "differential-report.md"));
    if (RECORD) {
      KnownDifferences.write(Path.of(KNOWN, "differences.tsv"),
          "Where the gateway answers unlike PostgreSQL 15 (refusals, other types or column names), not a wrong value.",
          report.entries(false));
      KnownDifferences.write(Path.of(KNOWN, "wrong-values.tsv"),
          "Silent wrong values: the gateway answers, and not PostgreSQL's answer. Reviewed by the coordinator; each is a bug.",
          report.entries(true));
      report.updateDocument(Path.of("..", "docs", "COMPATIBILITY.md"));
    }
  }
}
