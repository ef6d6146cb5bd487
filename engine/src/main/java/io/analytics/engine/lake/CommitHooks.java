package io.analytics.engine.lake;

import java.nio.file.Path;

/**
 * Points in a commit where tests inject failures (a crash after staging, in the middle of the
 * renames) to prove that the lake is left exactly as before, or is rolled forward on recovery.
 */
public interface CommitHooks {
  /** No injected failures. */
  CommitHooks NONE = new CommitHooks() {};

  /** Called when every file is staged, verified and synced, before anything becomes visible. */
  default void beforeCommit(Path stagingDirectory) {}

  /** Called after the {@code index}-th file was renamed into its dataset (0-based). */
  default void afterFileMoved(int index, Path visibleFile) {}
}
