package io.analytics.gateway.cache;

import io.analytics.catalog.lake.Dataset;
import io.analytics.catalog.lake.DatasetFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each lake dataset's view reads now, as a signature of its files (names, sizes, modification
 * times), taken whenever the gateway refreshes the lake's views: the views list their files by
 * name, so a dataset's results change exactly when its signature does.
 */
public final class LakeVersions {
  private final Map<String, String> signatures = new ConcurrentHashMap<>();
  /** Whether no change to the lake waits to be seen (the refresher's check, without doing the refresh). */
  private volatile java.util.function.BooleanSupplier current = () -> false;

  /** Sets how {@link #current} is decided: by the refresher that calls {@link #update}. */
  public void currentWhen(java.util.function.BooleanSupplier check) {
    this.current = java.util.Objects.requireNonNull(check, "check is null");
  }

  /**
   * Whether the signatures describe the lake as it is now: no commit has completed that the next
   * refresh would see. False until a refresher says how to tell.
   */
  boolean current() {
    return current.getAsBoolean();
  }

  /** Takes the signatures of the datasets the views now expose; datasets no longer exposed are forgotten. */
  public void update(List<Dataset> datasets) {
    Map<String, String> current = new HashMap<>();
    for (Dataset dataset : datasets) {
      current.put(dataset.qualifiedName().toLowerCase(Locale.ROOT), signature(dataset.directory()));
    }
    signatures.putAll(current);
    signatures.keySet().retainAll(current.keySet());
  }

  /** The current signatures of {@code datasets} (lower-case layer.name), or null if one is not a lake dataset. */
  Map<String, String> snapshot(Set<String> datasets) {
    Map<String, String> snapshot = new HashMap<>();
    for (String dataset : datasets) {
      String signature = signatures.get(dataset);
      if (signature == null) {
        return null;
      }
      snapshot.put(dataset, signature);
    }
    return snapshot;
  }

  /** Whether every dataset still has the signature it had in {@code snapshot}. */
  boolean unchanged(Map<String, String> snapshot) {
    for (Map.Entry<String, String> entry : snapshot.entrySet()) {
      if (!entry.getValue().equals(signatures.get(entry.getKey()))) {
        return false;
      }
    }
    return true;
  }

  private static String signature(Path directory) {
    StringBuilder signature = new StringBuilder();
    for (Path file : DatasetFiles.of(directory).files()) {
      signature.append(file).append(':');
      try {
        signature.append(Files.size(file)).append(':').append(Files.getLastModifiedTime(file).toMillis());
      } catch (IOException e) {
        // Gone since the listing: a signature no later one will match.
        signature.append("gone@").append(System.nanoTime());
      }
      signature.append('\n');
    }
    return signature.toString();
  }
}
