package io.analytics.catalog.schema;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.analytics.catalog.config.PlatformConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads and writes schemas as JSON, strictly: an unknown key or a value of the wrong type is an
 * error naming the key.
 *
 * <pre>{"name": "MySchema", "columns": [{"name": "id", "type": "BIGINT", "required": true}],
 *  "checks": [{"name": "id_positive", "expression": "id > 0"}], "partitionBy": []}</pre>
 */
public final class SchemaJson {
  private static final ObjectMapper MAPPER = PlatformConfig.mapper();

  private SchemaJson() {}

  public static TableSchema read(Path file) {
    requireNonNull(file, "file is null");
    try {
      return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new SchemaException("cannot read schema file " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses a schema; {@code origin} names where the text came from in error messages. */
  public static TableSchema parse(String json, String origin) {
    try {
      return MAPPER.readValue(json, TableSchema.class);
    } catch (UnrecognizedPropertyException e) {
      throw new SchemaException(origin + ": unknown schema key \"" + keyPath(e) + "\"", e);
    } catch (MismatchedInputException e) {
      throw new SchemaException(
          origin + ": schema key \"" + keyPath(e) + "\" has the wrong type: " + e.getOriginalMessage(), e);
    } catch (JsonProcessingException e) {
      if (e.getCause() instanceof SchemaException schemaError) {
        throw new SchemaException(origin + ": " + schemaError.getMessage(), e);
      }
      throw new SchemaException(origin + ": not a valid schema: " + e.getOriginalMessage(), e);
    } catch (SchemaException e) {
      throw new SchemaException(origin + ": " + e.getMessage(), e);
    }
  }

  public static String write(TableSchema schema) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(schema) + "\n";
    } catch (JsonProcessingException e) {
      throw new SchemaException("cannot encode schema " + schema.name() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static String keyPath(MismatchedInputException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."))
        .replace(".[", "[");
  }
}
