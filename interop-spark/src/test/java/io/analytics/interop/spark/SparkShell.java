package io.analytics.interop.spark;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Spark in a process of its own (its Iceberg runtime shades Parquet, the platform's Iceberg does
 * not: the two cannot share a class path): local[1], no UI, nothing downloaded. Reads one SQL
 * statement per line on stdin and answers each with one JSON line: the columns and the rows, each
 * value normalized as {@link Values} does, or the error.
 * Arguments: the catalog's name, then its properties as KEY=VALUE.
 */
public final class SparkShell {
  private SparkShell() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
    System.setOut(System.err); // Spark's own chatter must not mix with the answers
    String catalog = args[0];
    SparkSession.Builder builder = SparkSession.builder()
        .master("local[1]")
        .appName("analytics-interop")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.sql.shuffle.partitions", "1")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.sql.datetime.java8API.enabled", "true")
        .config("spark.sql.catalogImplementation", "in-memory")
        .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
        .config("spark.sql.catalog." + catalog, "org.apache.iceberg.spark.SparkCatalog")
        // Each statement sees the newest snapshot another process committed.
        .config("spark.sql.catalog." + catalog + ".cache-enabled", "false");
    for (int i = 1; i < args.length; i++) {
      int equals = args[i].indexOf('=');
      builder.config("spark.sql.catalog." + catalog + "." + args[i].substring(0, equals), args[i].substring(equals + 1));
    }
    ObjectMapper json = new ObjectMapper();
    try (SparkSession spark = builder.getOrCreate()) {
      out.println(json.writeValueAsString(Map.of("ready", true)));
      BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      for (String sql = in.readLine(); sql != null; sql = in.readLine()) {
        Map<String, Object> answer = new LinkedHashMap<>();
        try {
          Dataset<Row> result = spark.sql(sql);
          List<String> columns = List.of(result.columns());
          List<String> types = new ArrayList<>();
          for (var field : result.schema().fields()) {
            types.add(field.dataType().typeName());
          }
          List<List<String>> rows = new ArrayList<>();
          for (Row row : result.collectAsList()) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
              values.add(Values.normalized(row.get(i)));
            }
            rows.add(values);
          }
          answer.put("columns", columns);
          answer.put("types", types);
          answer.put("rows", rows);
        } catch (RuntimeException | LinkageError e) {
          java.io.StringWriter trace = new java.io.StringWriter();
          e.printStackTrace(new java.io.PrintWriter(trace));
          System.err.println(trace);
          answer.put("error", e + "");
        }
        out.println(json.writeValueAsString(answer));
      }
    }
  }
}
