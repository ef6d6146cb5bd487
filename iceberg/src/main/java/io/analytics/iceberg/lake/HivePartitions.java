package io.analytics.iceberg.lake;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;

/**
 * The hive partition folders of a dataset ({@code date=2024-01-02/}) as Iceberg identity
 * partitions: the columns in folder order, each with the type DuckDB's {@code hive_partitioning}
 * gives it when the gateway reads the folder (DATE when every value is a date, BIGINT when every
 * value is an integer, else VARCHAR), so Spark and the gateway see the same column types.
 */
public record HivePartitions(Map<String, Type> columns) {
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");

  public HivePartitions {
    columns = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** The partitions of {@code files} (inside {@code directory}), with their types inferred from every value. */
  public static HivePartitions of(Path directory, List<Path> files) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    for (Path file : files) {
      for (Map.Entry<String, String> part : valuesOf(directory, file).entrySet()) {
        values.computeIfAbsent(part.getKey(), k -> new ArrayList<>()).add(part.getValue());
      }
    }
    Map<String, Type> columns = new LinkedHashMap<>();
    values.forEach((name, list) -> columns.put(name, typeOf(list)));
    return new HivePartitions(columns);
  }

  /** The partition values a file's folders name, in folder order; null for DuckDB's NULL partition. */
  public static Map<String, String> valuesOf(Path directory, Path file) {
    Map<String, String> values = new LinkedHashMap<>();
    Path relative = directory.relativize(file);
    for (int i = 0; i < relative.getNameCount() - 1; i++) {
      String part = relative.getName(i).toString();
      int equals = part.indexOf('=');
      if (equals > 0) {
        String value = URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8);
        values.put(part.substring(0, equals), isNull(value) ? null : value);
      }
    }
    return values;
  }

  public List<String> names() {
    return List.copyOf(columns.keySet());
  }

  private static Type typeOf(List<String> values) {
    List<String> present = values.stream().filter(v -> v != null).toList();
    if (!present.isEmpty() && present.stream().allMatch(v -> DATE.matcher(v).matches())) {
      return Types.DateType.get();
    }
    if (!present.isEmpty() && present.stream().allMatch(v -> INTEGER.matcher(v).matches())) {
      return Types.LongType.get();
    }
    return Types.StringType.get();
  }

  private static boolean isNull(String value) {
    return value.equals("NULL") || value.equals("__HIVE_DEFAULT_PARTITION__");
  }
}
