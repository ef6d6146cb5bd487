package io.analytics.iceberg.external;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.DurableFiles;
import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The attached external Iceberg namespaces of a home, kept in {@code config/iceberg-attachments.json}. */
public final class IcebergAttachments {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path file;

  public IcebergAttachments(PlatformHome home) {
    this.file = requireNonNull(home, "home is null").configDir().resolve("iceberg-attachments.json");
  }

  public List<IcebergAttachment> list() {
    if (!Files.exists(file)) {
      return List.of();
    }
    try {
      return List.copyOf(MAPPER.readValue(Files.readString(file), new TypeReference<List<IcebergAttachment>>() {}));
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** Adds or replaces the attachment of that name. */
  public void put(IcebergAttachment attachment) {
    List<IcebergAttachment> all = new ArrayList<>(list());
    all.removeIf(a -> a.name().equals(attachment.name()));
    all.add(attachment);
    try {
      DurableFiles.writeAtomically(file, MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
    } catch (IOException e) {
      throw new PlatformException(SqlState.IO_ERROR, "cannot write " + file + ": " + e.getMessage(), e);
    }
  }
}
