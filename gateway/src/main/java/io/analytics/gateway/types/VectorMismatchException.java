package io.analytics.gateway.types;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;

/**
 * A result column arrived in an Arrow layout its described type cannot read. This happens when
 * DuckDB could only guess a column's type at prepare time (e.g. {@code SELECT $1 + 1} before the
 * parameter is bound); the column is then sent as text in its actual type.
 */
final class VectorMismatchException extends PlatformException {
  private static final long serialVersionUID = 1L;

  VectorMismatchException(String message) {
    super(SqlState.FEATURE_NOT_SUPPORTED, message);
  }
}
