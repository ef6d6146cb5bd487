package io.analytics.interop.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Apache Spark, pointed at the platform's Iceberg catalog with the properties {@code analytics
 * iceberg status} prints, reads every demo dataset with the rows the gateway returns, and sees an
 * ingest whole once it is committed, never part of it; a table Spark writes, deletes from and
 * appends to is read through the gateway at its newest snapshot with Spark's rows. One Spark
 * session (local[1]) serves the whole class.
 */
class SparkIcebergInteropTest {
  private static final List<String> DEMO = List.of("bronze.prices", "bronze.trades", "bronze.orders", "gold.daily_pnl");

  @TempDir static Path dir;
  static SparkLake lake;

  @BeforeAll
  static void start() throws Exception {
    lake = SparkLake.start(dir);
  }

  @AfterAll
  static void stop() throws Exception {
    if (lake != null) {
      lake.close();
    }
  }

  @Test
  void sparkListsEveryDatasetOfEachLayer() throws Exception {
    Set<String> tables = new TreeSet<>();
    for (String layer : List.of("bronze", "gold")) {
      lake.spark.rows("SHOW TABLES IN " + SparkLake.CATALOG + "." + layer)
          .forEach(row -> tables.add(layer + "." + row.get(1)));
    }
    assertThat(tables).containsAll(DEMO);
  }

  @Test
  void sparkReadsEveryDemoDatasetWithTheGatewaysRows() throws Exception {
    for (String table : DEMO) {
      String spark = SparkLake.CATALOG + "." + table;
      List<String> columns = lake.gatewayColumns("SELECT * FROM " + table + " LIMIT 0");
      var described = lake.spark.run("SELECT * FROM " + spark + " LIMIT 0");
      List<String> sparkColumns = new ArrayList<>();
      described.path("columns").forEach(c -> sparkColumns.add(c.asText()));
      assertThat(sparkColumns).as("columns of %s", table).isEqualTo(columns);

      assertThat(lake.spark.rows("SELECT count(*) FROM " + spark)).as("count of %s", table)
          .isEqualTo(lake.gatewayRows("SELECT count(*) FROM " + table));

      List<String> sums = new ArrayList<>();
      for (int i = 0; i < sparkColumns.size(); i++) {
        String type = described.path("types").get(i).asText();
        if (type.startsWith("decimal") || type.equals("long") || type.equals("integer")) {
          sums.add("sum(" + sparkColumns.get(i) + ")");
        }
      }
      assertThat(sums).as("numeric columns of %s", table).isNotEmpty();
      String select = "SELECT " + String.join(", ", sums) + " FROM ";
      assertThat(lake.spark.rows(select + spark)).as("sums of %s", table).isEqualTo(lake.gatewayRows(select + table));

      StringBuilder order = new StringBuilder();
      for (int i = 1; i <= columns.size(); i++) {
        order.append(i == 1 ? "" : ", ").append(i).append(" NULLS LAST");
      }
      String first = " ORDER BY " + order + " LIMIT 5";
      List<List<String>> rows = lake.gatewayRows("SELECT * FROM " + table + first);
      assertThat(rows).as("rows of %s", table).hasSize(5);
      assertThat(lake.spark.rows("SELECT * FROM " + spark + first)).as("first rows of %s", table).isEqualTo(rows);
    }
  }

  @Test
  void sparkSeesAnIngestWholeAfterItsCommitAndNeverPartOfIt() throws Exception {
    String count = "SELECT count(*) FROM " + SparkLake.CATALOG + ".bronze.trades";
    long before = Long.parseLong(lake.spark.rows(count).get(0).get(0));
    int rows = 4_000;
    Path csv = writeTrades(rows);

    CompletableFuture<Integer> ingest = CompletableFuture.supplyAsync(() -> SparkLake.cli(lake.home,
        "ingest", csv.toString(), "--table", "trades", "--schema", "TradeSchema", "--partition-by", "date"));
    Set<Long> seen = new TreeSet<>();
    while (!ingest.isDone()) {
      seen.add(Long.parseLong(lake.spark.rows(count).get(0).get(0)));
    }
    assertThat(ingest.get()).isZero();
    long after = Long.parseLong(lake.spark.rows(count).get(0).get(0));

    assertThat(after).isEqualTo(before + rows);
    assertThat(seen).as("counts Spark saw while the batch of %d rows over 20 days was committed", rows)
        .isSubsetOf(before, before + rows);
    assertThat(lake.gatewayRows("SELECT count(*) FROM bronze.trades"))
        .isEqualTo(lake.spark.rows(count));
  }

  @Test
  void aTableSparkWritesAndDeletesFromIsReadThroughTheGateway() throws Exception {
    String fills = SparkLake.CATALOG + ".ext.fills";
    lake.spark.run("CREATE NAMESPACE IF NOT EXISTS " + SparkLake.CATALOG + ".ext");
    lake.spark.run("CREATE TABLE " + fills + " (id BIGINT, account STRING, qty DECIMAL(18,4), day DATE) USING iceberg"
        + " PARTITIONED BY (day) TBLPROPERTIES ('format-version' = '2', 'write.delete.mode' = 'merge-on-read')");
    lake.spark.run("INSERT INTO " + fills + " SELECT id, concat('acct', id % 7), CAST(id % 100 AS DECIMAL(18,4)) / 4,"
        + " date_add(DATE '2024-01-01', CAST(id % 3 AS INT)) FROM range(1000)");
    SparkLake.cli(lake.home, "iceberg", "attach", "ext", "--catalog", "platform");
    String summary = "SELECT count(*), sum(qty), count(DISTINCT account), min(day), max(day) FROM ";
    assertThat(lake.gatewayRows(summary + "ext.fills")).isEqualTo(lake.spark.rows(summary + fills));

    lake.spark.run("DELETE FROM " + fills + " WHERE id % 10 = 0");
    assertThat(lake.spark.rows("SELECT count(*) FROM " + fills + ".delete_files"))
        .as("Spark deleted by position delete files").isNotEqualTo(List.of(List.of("0")));
    assertThat(lake.gatewayRows(summary + "ext.fills")).as("after Spark's delete").isEqualTo(lake.spark.rows(summary + fills))
        .isEqualTo(List.of(List.of("900", lake.spark.rows("SELECT sum(qty) FROM " + fills).get(0).get(0), "7",
            "2024-01-01", "2024-01-03")));
    String firstRows = "SELECT * FROM %s ORDER BY id LIMIT 12";
    assertThat(lake.gatewayRows(firstRows.formatted("ext.fills"))).isEqualTo(lake.spark.rows(firstRows.formatted(fills)));

    lake.spark.run("INSERT INTO " + fills + " VALUES (5000, 'late', 1.5, DATE '2024-02-01')");
    assertThat(lake.gatewayRows("SELECT count(*), max(id) FROM ext.fills")).as("the newest snapshot, at the next statement")
        .isEqualTo(List.of(List.of("901", "5000")));
  }

  private static Path writeTrades(int rows) throws Exception {
    Path file = dir.resolve("new-trades.csv");
    try (Writer out = Files.newBufferedWriter(file)) {
      out.write("trade_id,ts,symbol,side,quantity,price,venue\n");
      for (int i = 0; i < rows; i++) {
        out.write((5_000_000 + i) + ",2025-03-" + String.format("%02d", 1 + i % 20) + "T15:00:00Z,ZZZ,"
            + (i % 2 == 0 ? "BUY" : "SELL") + "," + (1 + i % 9) + "," + (100 + i % 50) + ".25,XNYS\n");
      }
    }
    return file;
  }
}
