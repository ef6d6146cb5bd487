package io.analytics.engine.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExampleSqlTest {
  @TempDir Path dir;

  @Test
  void theIndexListsEveryShippedSqlFile() throws Exception {
    Path repoSql = Path.of("..", "sql");
    try (Stream<Path> walk = Files.walk(repoSql)) {
      assertThat(walk.filter(f -> f.toString().endsWith(".sql")).map(f -> repoSql.relativize(f).toString().replace('\\', '/')))
          .containsExactlyInAnyOrderElementsOf(ExampleSql.files());
    }
  }

  @Test
  void installCopiesOnlyMissingFiles() throws Exception {
    PlatformHome home = new PlatformHome(dir);
    Files.createDirectories(home.viewsDir());
    Files.writeString(home.viewsDir().resolve("10_bronze_views.sql"), "-- mine");

    assertThat(ExampleSql.install(home)).hasSize(ExampleSql.files().size() - 1);
    assertThat(Files.readString(home.viewsDir().resolve("10_bronze_views.sql"))).isEqualTo("-- mine");
    assertThat(ExampleSql.install(home)).isEmpty();
  }
}
