package io.analytics.gateway.session;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PostgreSQL 15's run-time parameters a session may set (planner, logging, memory, locale ...,
 * read from {@code pg-settings.tsv}): tools send SET enable_seqscan, random_page_cost, work_mem or
 * log_statement and expect PostgreSQL's acceptance and SHOW of the value as PostgreSQL prints it.
 * They change nothing in DuckDB. Values are checked and normalised by their PostgreSQL type (bool,
 * integer with its unit, real, enum, string); superuser-only ones need a superuser session (42501).
 */
final class PgSettingsTable {
  private static final String RESOURCE = "pg-settings.tsv";
  private static final Pattern QUANTITY = Pattern.compile("\\s*(-?\\d+(?:\\.\\d+)?)\\s*([a-zA-Z]*)\\s*");
  private static final String[] MEMORY_UNITS = {"kB", "MB", "GB", "TB"};
  private static final long[] MEMORY_KB = {1, 1024, 1024 * 1024, 1024L * 1024 * 1024};
  private static final String[] TIME_UNITS = {"ms", "s", "min", "h", "d"};
  private static final long[] TIME_MS = {1, 1000, 60_000, 3_600_000, 86_400_000};

  /** One row of the table. */
  record Setting(String name, String defaultValue, String type, String unit, boolean superuserOnly, List<String> enumValues) {}

  private PgSettingsTable() {}

  static List<Setting> settings() {
    try (InputStream in = PgSettingsTable.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the gateway's classpath");
      }
      List<Setting> settings = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t", -1);
        settings.add(new Setting(f[0], f[1], f[2], f[3], f[4].equals("superuser"),
            f[5].isEmpty() ? List.of() : List.of(f[5].split(","))));
      }
      return settings;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The value as SHOW prints it after SET, or 22023 when PostgreSQL would refuse it. */
  static String normalize(Setting setting, String value) {
    return switch (setting.type()) {
      case "bool" -> ParameterValues.bool(value);
      case "enum" -> enumValue(setting, value);
      case "integer" -> integer(setting, value);
      case "real" -> real(setting, value);
      default -> value;
    };
  }

  private static String enumValue(Setting setting, String value) {
    String lower = value.trim().toLowerCase(Locale.ROOT);
    for (String allowed : setting.enumValues()) {
      if (allowed.equalsIgnoreCase(lower)) {
        return allowed;
      }
    }
    throw invalid(setting, value, "Available values: " + String.join(", ", setting.enumValues()) + ".");
  }

  private static String real(Setting setting, String value) {
    try {
      BigDecimal number = new BigDecimal(value.trim());
      return number.stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      throw invalid(setting, value, null);
    }
  }

  /** An integer in the setting's unit (kB, 8kB, B, ms, s): a number alone is in that unit; shown in the largest exact unit. */
  private static String integer(Setting setting, String value) {
    Matcher matcher = QUANTITY.matcher(value);
    if (!matcher.matches()) {
      throw invalid(setting, value, null);
    }
    double amount = Double.parseDouble(matcher.group(1));
    String unit = matcher.group(2);
    boolean memory = setting.unit().endsWith("B");
    boolean time = List.of(TIME_UNITS).contains(setting.unit());
    if (!memory && !time) {
      if (!unit.isEmpty() || amount != Math.rint(amount)) {
        throw invalid(setting, value, null);
      }
      return Long.toString((long) amount);
    }
    String[] units = memory ? MEMORY_UNITS : TIME_UNITS;
    long[] scale = memory ? MEMORY_KB : TIME_MS;
    double base = memory ? bytesPerUnit(setting.unit()) / 1024.0 : TIME_MS[List.of(TIME_UNITS).indexOf(setting.unit())];
    double inBase = unit.isEmpty() ? amount * base : amount * unitScale(setting, value, units, scale, unit, memory);
    long rounded = Math.round(inBase);
    if (rounded < 0) {
      return Long.toString(rounded / Math.round(base));
    }
    for (int i = units.length - 1; i >= 0; i--) {
      if (rounded != 0 && rounded % scale[i] == 0 && scale[i] >= base) {
        return (rounded / scale[i]) + units[i];
      }
    }
    return rounded == 0 ? "0" : rounded + units[0];
  }

  private static double unitScale(Setting setting, String value, String[] units, long[] scale, String unit, boolean memory) {
    if (memory && unit.equals("B")) {
      return 1 / 1024.0;
    }
    for (int i = 0; i < units.length; i++) {
      if (units[i].equals(unit)) {
        return scale[i];
      }
    }
    throw invalid(setting, value, memory ? "Valid units for this parameter are \"B\", \"kB\", \"MB\", \"GB\", and \"TB\"."
        : "Valid units for this parameter are \"us\", \"ms\", \"s\", \"min\", \"h\", and \"d\".");
  }

  private static double bytesPerUnit(String unit) {
    return switch (unit) {
      case "B" -> 1;
      case "8kB" -> 8192;
      default -> 1024;
    };
  }

  private static PlatformException invalid(Setting setting, String value, String hint) {
    return new PlatformException(SqlState.INVALID_PARAMETER_VALUE,
        "invalid value for parameter \"" + setting.name() + "\": \"" + value + "\"", null, hint, 0, null);
  }
}
