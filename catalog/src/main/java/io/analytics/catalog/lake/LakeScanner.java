package io.analytics.catalog.lake;

import io.analytics.catalog.home.Layer;
import static java.util.Objects.requireNonNull;

import io.analytics.catalog.home.PlatformHome;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the datasets of a lake: every folder directly under a layer that holds at least one Parquet
 * file. Folders whose names start with '.' or '_' (staging, quarantine internals) are ignored, as
 * are names that are not plain SQL identifiers.
 */
public final class LakeScanner {
  private static final Pattern DATASET_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

  private final PlatformHome home;

  public LakeScanner(PlatformHome home) {
    this.home = requireNonNull(home, "home is null");
  }

  /** The dataset {@code <layer>/<name>} whether or not it exists yet. */
  public Dataset dataset(Layer layer, String name) {
    if (!DATASET_NAME.matcher(name).matches()) {
      throw new io.analytics.catalog.error.PlatformException(
          io.analytics.catalog.error.SqlState.INVALID_PARAMETER_VALUE,
          "\"" + name + "\" is not a valid dataset name: use letters, digits and _ (starting with a letter)");
    }
    return new Dataset(layer, name, home.layerDir(layer).resolve(name));
  }

  public List<Dataset> scan() {
    List<Dataset> datasets = new ArrayList<>();
    for (Layer layer : Layer.values()) {
      Path layerDir = home.layerDir(layer);
      if (!Files.isDirectory(layerDir)) {
        continue;
      }
      try (Stream<Path> children = Files.list(layerDir)) {
        children
            .filter(Files::isDirectory)
            .filter(dir -> DATASET_NAME.matcher(dir.getFileName().toString()).matches())
            .filter(LakeScanner::containsParquet)
            .sorted(Comparator.comparing(Path::getFileName))
            .forEach(dir -> datasets.add(new Dataset(layer, dir.getFileName().toString(), dir)));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + layerDir, e);
      }
    }
    return datasets;
  }

  private static boolean containsParquet(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      return files.anyMatch(
          file ->
              file.getFileName().toString().endsWith(".parquet")
                  && Files.isRegularFile(file)
                  && !DatasetFiles.isHidden(dir.relativize(file)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot walk " + dir, e);
    }
  }
}
