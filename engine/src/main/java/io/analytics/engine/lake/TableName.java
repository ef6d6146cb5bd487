package io.analytics.engine.lake;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.catalog.home.Layer;

/** A table as users write it: {@code layer.name}, or {@code name} in a default layer. */
public record TableName(Layer layer, String name) {
  public TableName {
    requireNonNull(layer, "layer is null");
    requireNonNull(name, "name is null");
  }

  public static TableName parse(String text, Layer defaultLayer) {
    String trimmed = text.trim();
    int dot = trimmed.indexOf('.');
    if (dot < 0) {
      return new TableName(defaultLayer, trimmed);
    }
    if (trimmed.indexOf('.', dot + 1) >= 0) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE, "\"" + text + "\" is not LAYER.TABLE or TABLE");
    }
    return new TableName(Layer.fromName(trimmed.substring(0, dot)), trimmed.substring(dot + 1));
  }

  public String qualified() {
    return layer.schemaName() + "." + name;
  }
}
