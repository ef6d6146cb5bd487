package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How each run-time parameter's value is checked and normalized when a client sets it, with
 * PostgreSQL's errors (22023, 55P02): booleans, durations, time zones, DateStyle and the rest.
 */
final class ParameterValues {
  /**
   * DuckDB gives every transaction snapshot isolation, PostgreSQL's repeatable read, whatever level
   * is asked for: a stronger guarantee than read committed, a weaker one than serializable.
   */
  static final String ISOLATION_PROVIDED = "repeatable read";

  private ParameterValues() {}

  static String isolation(String value) {
    String level = value.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    if (!List.of("serializable", "repeatable read", "read committed", "read uncommitted").contains(level)) {
      throw new PlatformException(SqlState.INVALID_PARAMETER_VALUE,
          "invalid value for parameter \"transaction_isolation\": \"" + value + "\"",
          null, "Available values: serializable, repeatable read, read committed, read uncommitted.", 0, null);
    }
    return ISOLATION_PROVIDED;
  }

  static UnaryOperator<String> readOnly(String name) {
    return value -> {
      throw new PlatformException(SqlState.CANT_CHANGE_RUNTIME_PARAM, "parameter \"" + name + "\" cannot be changed");
    };
  }

  static UnaryOperator<String> onlyValue(String name, String allowed) {
    return value -> {
      if (!value.equalsIgnoreCase(allowed)) {
        throw invalidValue(name, value, "only \"" + allowed + "\" is supported by this server");
      }
      return allowed;
    };
  }

  static PlatformException invalidValue(String name, String value, String detail) {
    return new PlatformException(
        SqlState.INVALID_PARAMETER_VALUE,
        "invalid value for parameter \"" + name + "\": \"" + value + "\"", detail, null, 0, null);
  }

  static String clientEncoding(String value) {
    String normalized = value.toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (normalized.equals("UTF8") || normalized.equals("UNICODE")) {
      return "UTF8";
    }
    if (normalized.equals("SQLASCII")) {
      // SQL_ASCII means "no conversion": the client takes the server's UTF-8 bytes as they are.
      return "SQL_ASCII";
    }
    throw new PlatformException(
        SqlState.FEATURE_NOT_SUPPORTED,
        "conversion between UTF8 and " + value + " is not supported", null,
        "set client_encoding to UTF8", 0, null);
  }

  static String dateStyle(String value) {
    String upper = value.toUpperCase(Locale.ROOT).replace(" ", "");
    if (upper.equals("ISO") || upper.equals("ISO,MDY") || upper.equals("MDY,ISO") || upper.equals("MDY")) {
      return "ISO, MDY";
    }
    if (upper.equals("ISO,DMY") || upper.equals("DMY,ISO") || upper.equals("ISO,YMD")) {
      return upper.endsWith("DMY") || upper.startsWith("DMY") ? "ISO, DMY" : "ISO, YMD";
    }
    throw invalidValue("DateStyle", value, "only the ISO output style is supported by this server");
  }

  static String timeZone(String value) {
    zoneOf(value);
    return value.equalsIgnoreCase("utc") ? "UTC" : value;
  }

  static ZoneId zoneOf(String value) {
    try {
      if (value.equalsIgnoreCase("utc") || value.equalsIgnoreCase("gmt") || value.equalsIgnoreCase("z")
          || value.equalsIgnoreCase("zulu")) {
        return ZoneId.of("UTC");
      }
      if (value.matches("[+-]?\\d{1,2}(:\\d{2})?")) {
        // A bare numeric offset in SET TIME ZONE means hours east of UTC.
        String sign = value.startsWith("-") ? "-" : "+";
        String digits = value.replaceFirst("^[+-]", "");
        String[] parts = digits.split(":");
        return ZoneId.of(String.format(Locale.ROOT, "%s%02d:%s", sign, Integer.parseInt(parts[0]), parts.length > 1 ? parts[1] : "00"));
      }
      return ZoneId.of(value, ZoneId.SHORT_IDS);
    } catch (DateTimeException e) {
      throw invalidValue("TimeZone", value, "time zone \"" + value + "\" is not recognized");
    }
  }

  static String bool(String value) {
    String lower = value.toLowerCase(Locale.ROOT);
    return switch (lower) {
      case "on", "true", "yes", "1", "t", "y" -> "on";
      case "off", "false", "no", "0", "f", "n" -> "off";
      default -> throw invalidValue("boolean parameter", value, "expected on or off");
    };
  }

  static String extraFloatDigits(String value) {
    try {
      int digits = Integer.parseInt(value.trim());
      if (digits < -15 || digits > 3) {
        throw invalidValue("extra_float_digits", value, "must be between -15 and 3");
      }
      return Integer.toString(digits);
    } catch (NumberFormatException e) {
      throw invalidValue("extra_float_digits", value, "must be an integer");
    }
  }

  /** Parses PostgreSQL time units (ms default): "5000", "5s", "1min", "250 ms". */
  /** PostgreSQL time units (ms default): "5000", "5s", "1min", "250 ms". */
  private static final java.util.regex.Pattern TIME_UNITS = java.util.regex.Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*(us|ms|s|min|h|d)?");

  /** A timeout as PostgreSQL's SHOW prints it: in the largest unit that holds it exactly (3000 is 3s). */
  static String milliseconds(String value) {
    String trimmed = value.trim().toLowerCase(Locale.ROOT);
    java.util.regex.Matcher matcher = TIME_UNITS.matcher(trimmed);
    if (!matcher.matches()) {
      throw invalidValue("timeout", value, "valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\"");
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2) == null ? "ms" : matcher.group(2);
    double millis = switch (unit) {
      case "us" -> amount / 1000;
      case "s" -> amount * 1000;
      case "min" -> amount * 60_000;
      case "h" -> amount * 3_600_000;
      case "d" -> amount * 86_400_000;
      default -> amount;
    };
    if (millis < 0 || millis > Integer.MAX_VALUE) {
      throw invalidValue("timeout", value, "must be between 0 and " + Integer.MAX_VALUE + " ms");
    }
    return Long.toString(Math.round(millis));
  }

  /**
   * A time setting as PostgreSQL shows it: in the largest unit that divides it exactly ({@code SET
   * statement_timeout = 3000} shows {@code 3s}, 90000 shows {@code 90s}, 0 shows {@code 0}).
   */
  static String duration(String value) {
    long millis = Long.parseLong(milliseconds(value));
    if (millis == 0) {
      return "0";
    }
    String[] units = {"d", "h", "min", "s"};
    long[] sizes = {86_400_000L, 3_600_000L, 60_000L, 1_000L};
    for (int i = 0; i < units.length; i++) {
      if (millis % sizes[i] == 0) {
        return millis / sizes[i] + units[i];
      }
    }
    return millis + "ms";
  }
}
