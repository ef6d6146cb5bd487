package io.analytics.engine.lake;

import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.schema.SchemaJson;
import io.analytics.catalog.schema.TableSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The schema a dataset was declared with, kept as {@code <dataset>/_schema.json}. */
public final class DeclaredSchemaFile {
  public static final String FILE_NAME = "_schema.json";

  private DeclaredSchemaFile() {}

  public static Optional<TableSchema> read(Path datasetDirectory) {
    Path file = datasetDirectory.resolve(FILE_NAME);
    return Files.isRegularFile(file) ? Optional.of(SchemaJson.read(file)) : Optional.empty();
  }

  public static void write(Path datasetDirectory, TableSchema schema) {
    DurableFiles.writeAtomically(datasetDirectory.resolve(FILE_NAME), SchemaJson.write(schema));
  }
}
