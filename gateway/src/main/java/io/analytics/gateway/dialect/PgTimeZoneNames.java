package io.analytics.gateway.dialect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time zones PostgreSQL 15 names in date/time input: the abbreviations of its 'Default' timezone_abbreviations set
 * ({@code PST}, {@code EST}, {@code zulu}, {@code MSK}: a fixed offset, or a zone for the dynamic ones), the IANA zone
 * names ({@code America/New_York}, case-insensitive as PostgreSQL reads them), and POSIX specifications
 * ({@code GMT+8}, {@code PST+8}, {@code MST+7:00}: the offset counted west of Greenwich, so {@code GMT+8} is UTC-8).
 */
final class PgTimeZoneNames {
  private static final Map<String, ZoneId> ABBREVIATIONS = abbreviations();
  private static final Map<String, ZoneId> ZONES = zones();
  private static final Pattern POSIX = Pattern.compile("([a-z]{3,})([+-]?)(\\d{1,2})(?::(\\d{2})(?::(\\d{2}))?)?");

  private PgTimeZoneNames() {}

  /** The abbreviation's zone ({@code word} in lower case). */
  static Optional<ZoneId> abbreviation(String word) {
    return Optional.ofNullable(ABBREVIATIONS.get(word));
  }

  /**
   * The offset a dynamic abbreviation ({@code MSK} for Europe/Moscow) stands for at {@code local}, as PostgreSQL's
   * DetermineTimeZoneAbbrevOffset finds it: at the moment {@code local} is in the zone (in a transition's gap the
   * offset before it, in its overlap the one after), the zone's standard offset for a standard-time name, its offset
   * then for a summer name ({@code AZST}, {@code LHDT}: one whose name without the {@code S} before its final {@code T}
   * is also an abbreviation).
   */
  static ZoneOffset offsetOf(String abbreviation, ZoneId zone, java.time.LocalDateTime local) {
    java.time.Instant moment = java.time.ZonedDateTime.ofLocal(local, zone, null).withLaterOffsetAtOverlap().toInstant();
    boolean summer = abbreviation.endsWith("dt") || abbreviation.endsWith("st")
        && ABBREVIATIONS.containsKey(abbreviation.substring(0, abbreviation.length() - 2) + "t");
    return summer ? zone.getRules().getOffset(moment) : zone.getRules().getStandardOffset(moment);
  }

  /** A zone by its IANA name or as a POSIX specification without daylight-saving rules ({@code name} in any case). */
  static Optional<ZoneId> zone(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    ZoneId zone = ZONES.get(lower);
    if (zone != null) {
      return Optional.of(zone);
    }
    Matcher posix = POSIX.matcher(lower);
    if (!posix.matches()) {
      return Optional.empty();
    }
    int seconds = Integer.parseInt(posix.group(3)) * 3600 + minutes(posix.group(4)) * 60 + minutes(posix.group(5));
    if (seconds > 24 * 3600) {
      return Optional.empty();
    }
    return Optional.of(ZoneOffset.ofTotalSeconds(posix.group(2).equals("-") ? seconds : -seconds));
  }

  private static int minutes(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  private static Map<String, ZoneId> zones() {
    Map<String, ZoneId> zones = new HashMap<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      zones.put(id.toLowerCase(Locale.ROOT), ZoneId.of(id));
    }
    return Map.copyOf(zones);
  }

  private static Map<String, ZoneId> abbreviations() {
    Map<String, ZoneId> abbreviations = new HashMap<>();
    try (InputStream in = PgTimeZoneNames.class.getResourceAsStream("pg-timezone-abbreviations.tsv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] columns = line.split("\t");
        String meaning = columns[1];
        ZoneId zone = meaning.matches("-?\\d+") ? ZoneOffset.ofTotalSeconds(Integer.parseInt(meaning)) : ZoneId.of(meaning);
        abbreviations.put(columns[0].toLowerCase(Locale.ROOT), zone);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Map.copyOf(abbreviations);
  }
}
