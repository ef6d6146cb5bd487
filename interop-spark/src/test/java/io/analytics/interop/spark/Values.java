package io.analytics.interop.spark;

import java.math.BigDecimal;
import java.sql.Timestamp;

/** Values of either engine as comparable text: decimals without trailing zeros, instants and dates in ISO form. */
final class Values {
  private Values() {}

  static String normalized(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Number number) {
      return normalized(new BigDecimal(number.toString()));
    }
    if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant().toString();
    }
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate().toString();
    }
    return value.toString();
  }
}
