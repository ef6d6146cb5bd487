package io.analytics.engine.lake;

import io.analytics.catalog.config.PlatformConfig;
import io.analytics.catalog.home.PlatformHome;
import io.analytics.engine.testing.FirstColumn;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A temporary home with helpers to look at what the lake holds. */
public record LakeFixture(PlatformHome home, PipelineConfig config) {
  public static LakeFixture in(Path dir) {
    PlatformHome home = new PlatformHome(dir);
    home.ensureLayout();
    return new LakeFixture(home, new PipelineConfig(home, PlatformConfig.defaults()));
  }

  public Path write(String name, String content) {
    try {
      Path file = home.root().resolve("input").resolve(name);
      Files.createDirectories(file.getParent());
      return Files.writeString(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs a query against the lake's views in a fresh session; returns the first column of each row. */
  public List<String> query(String sql) {
    try (LakeSession session = LakeSession.open(home, config.platform())) {
      return FirstColumn.of(session.connection(), sql);
    }
  }

  public void execute(String sql) {
    try (LakeSession session = LakeSession.open(home, config.platform())) {
      session.execute(sql);
    }
  }

  public long count(String table) {
    return Long.parseLong(query("SELECT count(*) FROM " + table).get(0));
  }

  /** Every file under data/, relative to it, sorted: a snapshot to compare before and after. */
  public List<String> dataFiles() {
    try (Stream<Path> walk = Files.walk(home.dataDir())) {
      return walk.filter(Files::isRegularFile)
          .map(p -> home.dataDir().relativize(p).toString())
          .filter(p -> !p.startsWith(".staging/locks") && !p.startsWith(".lake-version"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
