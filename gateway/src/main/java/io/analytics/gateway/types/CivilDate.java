package io.analytics.gateway.types;

/**
 * A proleptic Gregorian date from a day count since 1970-01-01 (Howard Hinnant's civil_from_days),
 * computed without allocating, for the hot path of date and timestamp output.
 */
record CivilDate(long year, int month, int day) {
  static CivilDate fromEpochDay(long epochDay) {
    long z = epochDay + 719468;
    long era = Math.floorDiv(z, 146097);
    long dayOfEra = z - era * 146097;
    long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365;
    long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
    long mp = (5 * dayOfYear + 2) / 153;
    int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
    int month = (int) (mp < 10 ? mp + 3 : mp - 9);
    long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
    return new CivilDate(year, month, day);
  }
}
