package io.analytics.catalog.schema;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Turns what a user typed after {@code --schema} into a schema: a standard schema's name or a JSON file. */
public final class SchemaResolver {
  private SchemaResolver() {}

  public static TableSchema resolve(String nameOrFile) {
    if (nameOrFile == null || nameOrFile.isBlank()) {
      throw new SchemaException("no schema given");
    }
    var standard = StandardSchemas.byName(nameOrFile);
    if (standard.isPresent()) {
      return standard.get();
    }
    Path file = Path.of(nameOrFile);
    if (Files.isRegularFile(file)) {
      return SchemaJson.read(file);
    }
    throw new SchemaException(
        "unknown schema \""
            + nameOrFile
            + "\": not a file and not one of "
            + StandardSchemas.all().stream().map(TableSchema::name).collect(Collectors.joining(", ")));
  }
}
