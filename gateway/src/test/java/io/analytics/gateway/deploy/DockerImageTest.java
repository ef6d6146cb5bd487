package io.analytics.gateway.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;

/** Builds the image from docker/Dockerfile and queries the demo lake through it; needs a Docker engine. */
class DockerImageTest {
  @Test
  void imageServesTheDemoLake() throws Exception {
    boolean docker;
    try {
      docker = DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      docker = false;
    }
    if (!docker) {
      System.out.println("DockerImageTest skipped: no Docker engine (the static checks in DockerFilesTest still run)");
    }
    Assumptions.assumeTrue(docker, "no Docker engine");
    Path root = Path.of("..").toAbsolutePath().normalize();
    ImageFromDockerfile image = new ImageFromDockerfile("analytics-platform-test", true)
        .withFileFromPath(".", root)
        .withDockerfile(root.resolve("docker").resolve("Dockerfile"));
    try (GenericContainer<?> gateway = new GenericContainer<>(image)
        .withEnv("ANALYTICS_DEMO", "1")
        .withEnv("ANALYTICS_USER", "analyst")
        .withEnv("ANALYTICS_PASSWORD", "analyst")
        .withExposedPorts(5433)
        .waitingFor(Wait.forListeningPort().withStartupTimeout(Duration.ofMinutes(5)))) {
      gateway.start();
      Properties properties = new Properties();
      properties.setProperty("user", "analyst");
      properties.setProperty("password", "analyst");
      String url = "jdbc:postgresql://" + gateway.getHost() + ":" + gateway.getMappedPort(5433) + "/lake";
      try (Connection connection = DriverManager.getConnection(url, properties);
          ResultSet rows = connection.createStatement().executeQuery("SELECT count(*) FROM bronze.trades")) {
        rows.next();
        assertThat(rows.getLong(1)).isGreaterThanOrEqualTo(1_000_000);
      }
    }
  }
}
