package io.analytics.gateway.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The whole texts of the statements a gateway's audit log records as refused. */
public final class AuditedRefusals {
  private AuditedRefusals() {}

  /** Reads the audit log until it holds at least {@code atLeast} refusals (it is written asynchronously), or five seconds pass. */
  public static List<String> texts(TestGateway gateway, int atLeast) throws Exception {
    Path file = gateway.home().warehouseDir().resolve("logs/audit.jsonl");
    ObjectMapper json = new ObjectMapper();
    List<String> texts = List.of();
    for (int attempt = 0; attempt < 100 && texts.size() < atLeast; attempt++) {
      Thread.sleep(50);
      List<String> found = new ArrayList<>();
      for (String line : Files.readAllLines(file)) {
        JsonNode event = json.readTree(line);
        if (event.path("outcome").asText().equals("42501") && event.has("text")) {
          found.add(event.get("text").asText());
        }
      }
      texts = found;
    }
    return texts;
  }

  /** The texts of every statement the replicas' audit files in {@code logs} record (a replica refuses with 25006 or 42501). */
  public static List<String> replicaTexts(Path logs, int atLeast) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = List.of();
    for (int attempt = 0; attempt < 100 && texts.size() < atLeast; attempt++) {
      Thread.sleep(50);
      List<String> found = new ArrayList<>();
      try (Stream<Path> files = Files.list(logs)) {
        for (Path file : files.filter(f -> f.getFileName().toString().startsWith("audit-replica-")).toList()) {
          for (String line : Files.readAllLines(file)) {
            JsonNode event = json.readTree(line);
            if (event.has("text")) {
              found.add(event.get("text").asText());
            }
          }
        }
      }
      texts = found;
    }
    return texts;
  }
}
