package io.analytics.catalog.schema;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A declared table schema: typed columns, which of them are required, row checks, and the columns
 * a dataset is partitioned by unless the caller says otherwise. Rows are validated against it on
 * ingestion.
 */
public record TableSchema(String name, String description, List<ColumnSpec> columns, List<CheckSpec> checks, List<String> partitionBy) {
  @JsonCreator
  public TableSchema(
      @JsonProperty("name") String name,
      @JsonProperty("description") String description,
      @JsonProperty("columns") List<ColumnSpec> columns,
      @JsonProperty("checks") List<CheckSpec> checks,
      @JsonProperty("partitionBy") List<String> partitionBy) {
    Identifiers.check("name", name);
    if (columns == null || columns.isEmpty()) {
      throw new SchemaException("schema \"" + name + "\": key \"columns\" must list at least one column");
    }
    this.name = name;
    this.description = description;
    this.columns = List.copyOf(columns);
    this.checks = checks == null ? List.of() : List.copyOf(checks);
    this.partitionBy = partitionBy == null ? List.of() : List.copyOf(partitionBy);
    Set<String> seen = new HashSet<>();
    for (ColumnSpec column : this.columns) {
      if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
        throw new SchemaException("schema \"" + name + "\" declares column \"" + column.name() + "\" twice");
      }
    }
    Set<String> checkNames = new HashSet<>();
    for (CheckSpec check : this.checks) {
      if (!checkNames.add(check.name())) {
        throw new SchemaException("schema \"" + name + "\" declares check \"" + check.name() + "\" twice");
      }
    }
    for (String partition : this.partitionBy) {
      if (column(partition).isEmpty()) {
        throw new SchemaException(
            "schema \"" + name + "\": key \"partitionBy\" names \"" + partition + "\", which is not a column");
      }
    }
  }

  /** A schema with no description and no default partitioning. */
  public TableSchema(String name, List<ColumnSpec> columns, List<CheckSpec> checks) {
    this(name, null, columns, checks, null);
  }

  /** The column named {@code columnName} (case-insensitive). */
  public Optional<ColumnSpec> column(String columnName) {
    return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
  }

  public List<String> columnNames() {
    return columns.stream().map(ColumnSpec::name).toList();
  }

  public TableSchema withPartitionBy(List<String> newPartitionBy) {
    return new TableSchema(name, description, columns, checks, newPartitionBy);
  }
}
