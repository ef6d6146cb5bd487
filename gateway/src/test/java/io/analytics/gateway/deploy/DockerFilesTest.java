package io.analytics.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The container files checked without a Docker engine: a multi-stage Dockerfile on pinned base
 * images, running as a non-root user with a health check and an exec-form entrypoint; a compose
 * file that parses, with pinned images, health checks and a volume for the lake; and an entrypoint
 * script that the shell parses.
 */
class DockerFilesTest {
  private static final Path DOCKER = Path.of("..", "docker");
  private static final Pattern PINNED = Pattern.compile("[^:@\\s]+(:[^:\\s]*\\d[^:\\s]*|@sha256:[0-9a-f]{64})");

  @Test
  void dockerfileIsMultiStagePinnedNonRootAndHealthChecked() throws Exception {
    List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile")).stream().map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    List<String> froms = lines.stream().filter(line -> line.toUpperCase(Locale.ROOT).startsWith("FROM ")).toList();
    assertThat(froms).as("multi-stage").hasSizeGreaterThanOrEqualTo(2);
    for (String from : froms) {
      String image = from.split("\\s+")[1];
      assertThat(image).as("pinned base image").matches(PINNED).doesNotEndWith(":latest");
    }
    String user = lines.stream().filter(line -> line.startsWith("USER ")).reduce((a, b) -> b).orElseThrow();
    assertThat(user.substring(5).strip()).isNotIn("root", "0", "0:0");
    assertThat(lines).anyMatch(line -> line.equals("EXPOSE 5433"));
    assertThat(lines).anyMatch(line -> line.startsWith("HEALTHCHECK "));
    assertThat(lines).anyMatch(line -> line.matches("ENTRYPOINT \\[\".*\"\\]"));
    assertThat(lines).anyMatch(line -> line.matches("CMD \\[\".*\"\\]"));
    assertThat(lines).anyMatch(line -> line.startsWith("VOLUME "));
  }

  @Test
  void composeFileParsesWithPinnedImagesHealthChecksAndALakeVolume() throws Exception {
    JsonNode compose = new ObjectMapper(new YAMLFactory()).readTree(DOCKER.resolve("docker-compose.yml").toFile());
    JsonNode services = compose.path("services");
    assertThat(services.has("gateway")).isTrue();
    assertThat(services.has("postgres")).isTrue();
    for (String name : List.of("gateway", "postgres")) {
      JsonNode service = services.path(name);
      assertThat(service.path("image").asText()).as(name + " image").matches(PINNED);
      assertThat(service.path("healthcheck").path("test").isArray()).as(name + " healthcheck").isTrue();
    }
    JsonNode gateway = services.path("gateway");
    assertThat(gateway.path("ports").toString()).contains("5433:5433");
    assertThat(gateway.path("volumes").get(0).asText()).isEqualTo("lake:/data");
    assertThat(gateway.path("environment").path("POSTGRES_HOST").asText()).isEqualTo("postgres");
    assertThat(gateway.path("depends_on").path("postgres").path("condition").asText()).isEqualTo("service_healthy");
    assertThat(compose.path("volumes").has("lake")).isTrue();
    assertThat(Files.list(DOCKER.resolve("postgres-init")).filter(f -> f.toString().endsWith(".sql")).count()).isPositive();
  }

  @Test
  void entrypointParsesAndExecsTheJvm() throws Exception {
    Path script = DOCKER.resolve("entrypoint.sh");
    assertThat(Files.isExecutable(script)).isTrue();
    Process check = new ProcessBuilder("sh", "-n", script.toString()).redirectErrorStream(true).start();
    assertThat(check.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(check.exitValue()).as(new String(check.getInputStream().readAllBytes())).isZero();
    assertThat(Files.readString(script)).contains("exec java");
  }
}
