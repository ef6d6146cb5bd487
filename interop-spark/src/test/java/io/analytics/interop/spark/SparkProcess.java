package io.analytics.interop.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The {@link SparkShell} process the tests talk to: started on this JVM's class path less the
 * platform's own classes and unshaded Iceberg jars (Spark uses its shaded runtime) and logback
 * (Spark logs through its own log4j at its defaults), with Spark's --add-opens flags; closed by
 * closing its stdin.
 */
final class SparkProcess implements AutoCloseable {
  private static final Pattern PLATFORM_ONLY = Pattern.compile(
      ".*(/iceberg-(core|api|common|parquet|bundled-guava|data)-[^/]*\\.jar|/logback-(classic|core)-[^/]*\\.jar"
          + "|/(catalog|engine|iceberg|gateway)/target/(test-)?classes/?"
          + "|/io/analytics/[^/]+/[^/]+/[^/]+\\.jar)$");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final PrintWriter in;
  private final BufferedReader out;

  private SparkProcess(Process process) {
    this.process = process;
    this.in = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  static SparkProcess start(String catalog, Map<String, String> properties, Path log) throws Exception {
    List<String> classPath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (!PLATFORM_ONLY.matcher(entry).matches()) {
        classPath.add(entry);
      }
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(System.getProperty("spark.opens").trim().split("\\s+")));
    command.addAll(List.of("-Xmx1g", "-cp", String.join(File.pathSeparator, classPath), SparkShell.class.getName(), catalog));
    properties.forEach((key, value) -> command.add(key + "=" + value));
    Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
    SparkProcess spark = new SparkProcess(process);
    String ready = spark.out.readLine();
    if (ready == null || !JSON.readTree(ready).path("ready").asBoolean()) {
      spark.close();
      throw new AssertionError("Spark did not start; its log is " + log);
    }
    return spark;
  }

  /** Runs one statement; its rows, values normalized. */
  List<List<String>> rows(String sql) throws Exception {
    JsonNode answer = run(sql);
    List<List<String>> rows = new ArrayList<>();
    for (JsonNode row : answer.path("rows")) {
      List<String> values = new ArrayList<>();
      row.forEach(value -> values.add(value.isNull() ? null : value.asText()));
      rows.add(values);
    }
    return rows;
  }

  /** Runs one statement: its answer ({@code columns}, {@code types}, {@code rows}); an error fails. */
  JsonNode run(String sql) throws Exception {
    if (sql.contains("\n")) {
      throw new IllegalArgumentException("one line per statement");
    }
    in.println(sql);
    String line = out.readLine();
    if (line == null) {
      throw new AssertionError("Spark ended while running " + sql);
    }
    JsonNode answer = JSON.readTree(line);
    if (answer.has("error")) {
      throw new AssertionError("Spark refused " + sql + ": " + answer.path("error").asText());
    }
    return answer;
  }

  @Override
  public void close() throws Exception {
    in.close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
