package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import java.util.function.UnaryOperator;

/** What a dialect stage test asks of a translation: the SQLSTATE it refuses a text with, or "none". */
final class StageOutcome {
  private StageOutcome() {}

  static String sqlStateOf(UnaryOperator<String> translation, String sql) {
    try {
      translation.apply(sql);
      return "none";
    } catch (PlatformException e) {
      return e.sqlState().code();
    }
  }
}
