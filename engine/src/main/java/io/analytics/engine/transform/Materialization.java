package io.analytics.engine.transform;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.Layer;
import io.analytics.engine.lake.TableName;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One file of {@code sql/materializations/}: a query with a header that says where its result
 * goes. Without a {@code target} header the file is a plain script run on the warehouse.
 *
 * <pre>
 * -- target: silver.positions
 * -- format: parquet            (or duckdb; parquet by default)
 * -- partition_by: date         (optional)
 * -- sort_by: trade_id          (optional: sorted, in small row groups, for lookups by key)
 * SELECT ...
 * </pre>
 */
public record Materialization(
    Path file, String body, TableName target, TargetType format, List<String> partitionBy, List<String> sortBy) {
  public Materialization {
    requireNonNull(file, "file is null");
    requireNonNull(body, "body is null");
    partitionBy = List.copyOf(partitionBy);
    sortBy = List.copyOf(sortBy);
  }

  public static Materialization read(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
    TableName target = null;
    TargetType format = TargetType.PARQUET;
    List<String> partitions = new ArrayList<>();
    List<String> sortKeys = new ArrayList<>();
    for (String line : text.lines().toList()) {
      String trimmed = line.trim();
      if (!trimmed.startsWith("--")) {
        if (!trimmed.isEmpty()) {
          break;
        }
        continue;
      }
      String header = trimmed.substring(2).trim();
      int colon = header.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
      String value = header.substring(colon + 1).trim();
      switch (key) {
        case "target" -> target = TableName.parse(value, Layer.SILVER);
        case "format" -> format = switch (value.toLowerCase(Locale.ROOT)) {
          case "parquet" -> TargetType.PARQUET;
          case "duckdb" -> TargetType.DUCKDB;
          default -> throw new PlatformException(
              SqlState.INVALID_PARAMETER_VALUE, file.getFileName() + ": format must be parquet or duckdb, got " + value);
        };
        case "partition_by" -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(partitions::add);
        case "sort_by" -> Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(sortKeys::add);
        default -> {}
      }
    }
    return new Materialization(file, text, target, format, partitions, sortKeys);
  }

  /** Whether the file is a query with a target rather than a plain script. */
  public boolean hasTarget() {
    return target != null;
  }
}
