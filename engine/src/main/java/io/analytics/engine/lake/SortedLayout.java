package io.analytics.engine.lake;

import io.analytics.engine.duckdb.SqlIdentifiers;
import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How a dataset's rows were laid out by its writer: sorted by {@code keys}, in Parquet row groups of
 * at most {@code rowGroupRows} rows, so that each row group's min/max statistics cover a narrow key
 * range and a lookup by key reads one row group instead of scanning (DuckDB prunes row groups on
 * those statistics). Kept as {@code <dataset>/_layout.json}, the writer's choice on record.
 */
public record SortedLayout(List<String> keys, int rowGroupRows) {
  public static final String FILE_NAME = "_layout.json";
  /** Small enough that a lookup decodes a few thousand rows; large enough that the footer stays small. */
  public static final int DEFAULT_ROW_GROUP_ROWS = 16_384;
  private static final ObjectMapper JSON = new ObjectMapper();

  public SortedLayout {
    keys = List.copyOf(requireNonNull(keys, "keys is null"));
    if (keys.isEmpty()) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "a sorted layout needs at least one key column");
    }
    if (rowGroupRows < 1_024) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "row groups of fewer than 1,024 rows: " + rowGroupRows);
    }
  }

  /** Sorted by {@code keys} in row groups of {@link #DEFAULT_ROW_GROUP_ROWS}. */
  public static SortedLayout sortedBy(List<String> keys) {
    return new SortedLayout(keys, DEFAULT_ROW_GROUP_ROWS);
  }

  /** {@code select}'s rows in key order. */
  String ordered(String select) {
    return "SELECT * FROM (" + select + "\n) ORDER BY "
        + String.join(", ", keys.stream().map(SqlIdentifiers::quote).toList());
  }

  /** The COPY option that bounds the row groups. */
  String copyOption() {
    return ", ROW_GROUP_SIZE " + rowGroupRows;
  }

  public void write(Path datasetDirectory) {
    ObjectNode node = JSON.createObjectNode();
    keys.forEach(node.putArray("sortedBy")::add);
    node.put("rowGroupRows", rowGroupRows);
    DurableFiles.writeAtomically(datasetDirectory.resolve(FILE_NAME), node.toPrettyString());
  }

  /** The layout recorded in a dataset, if its writer chose one. */
  public static Optional<SortedLayout> read(Path datasetDirectory) {
    Path file = datasetDirectory.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(file.toFile());
      List<String> keys = new ArrayList<>();
      node.path("sortedBy").forEach(key -> keys.add(key.asText()));
      return Optional.of(new SortedLayout(keys, node.path("rowGroupRows").asInt(DEFAULT_ROW_GROUP_ROWS)));
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }
}
