package io.analytics.engine.lake;

import io.analytics.catalog.home.PlatformHome;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;

/**
 * Told of every commit of the lake while the committing process still holds the locks of the
 * datasets it changed, so that listeners see each dataset's commits in the order they were made.
 * Implementations are found with {@link ServiceLoader} (the iceberg module publishes every commit
 * as an Iceberg commit); a listener's failure never undoes or fails the lake's commit, which stays
 * the truth: a listener must be able to catch up later from the lake as it is ({@link #recovered}).
 */
public interface LakeCommitListener {
  /** Called after {@code datasets} (dataset folders) changed, under their locks; must not take them again. */
  void committed(PlatformHome home, List<Path> datasets);

  /** Called when a process has completed interrupted commits and may catch up with the whole lake. */
  default void recovered(PlatformHome home) {}

  /** The listeners on the class path, loaded once. */
  static List<LakeCommitListener> installed() {
    return Installed.LISTENERS;
  }

  /** Holder so that the class path is searched once, on first use. */
  final class Installed {
    private static final List<LakeCommitListener> LISTENERS =
        ServiceLoader.load(LakeCommitListener.class).stream().map(ServiceLoader.Provider::get).toList();

    private Installed() {}
  }
}
