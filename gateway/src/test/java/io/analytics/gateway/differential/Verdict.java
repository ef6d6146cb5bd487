package io.analytics.gateway.differential;

import java.util.List;
import java.util.Objects;

/**
 * How the gateway's answer to a case compares with PostgreSQL's. The first two pass; the others
 * are differences, and those where both succeed but the values differ (or the gateway answers
 * where PostgreSQL refuses) are silent wrong values, never an accepted difference.
 */
enum Verdict {
  SAME("same answer"),
  SAME_ERROR_CLASS("same SQLSTATE class"),
  GATEWAY_ERROR("the gateway refuses what PostgreSQL answers"),
  ERROR_CLASS_DIFFERS("both refuse, with SQLSTATEs of different classes"),
  COLUMN_NAMES_DIFFER("same values and types, different column names"),
  TYPES_DIFFER("same values, different column types"),
  ROW_ORDER_DIFFERS("same rows in a different order"),
  VALUES_DIFFER("different values"),
  GATEWAY_ANSWERS_WHERE_POSTGRES_REFUSES("the gateway answers where PostgreSQL refuses");

  private final String description;

  Verdict(String description) {
    this.description = description;
  }

  String description() {
    return description;
  }

  boolean passes() {
    return this == SAME || this == SAME_ERROR_CLASS;
  }

  /** A silent wrong value: the client gets an answer, and it is not PostgreSQL's. */
  boolean wrongValue() {
    return this == VALUES_DIFFER || this == ROW_ORDER_DIFFERS || this == GATEWAY_ANSWERS_WHERE_POSTGRES_REFUSES;
  }

  static Verdict of(Answer postgres, Answer gateway, boolean ordered) {
    if (postgres.kind() == Answer.Kind.ERROR || gateway.kind() == Answer.Kind.ERROR) {
      if (postgres.kind() != Answer.Kind.ERROR) {
        return GATEWAY_ERROR;
      }
      if (gateway.kind() != Answer.Kind.ERROR) {
        return GATEWAY_ANSWERS_WHERE_POSTGRES_REFUSES;
      }
      if (postgres.sqlState().equals(gateway.sqlState())) {
        return SAME;
      }
      return Objects.equals(postgres.sqlStateClass(), gateway.sqlStateClass()) ? SAME_ERROR_CLASS : ERROR_CLASS_DIFFERS;
    }
    if (postgres.kind() != gateway.kind()) {
      return VALUES_DIFFER;
    }
    if (!postgres.comparableRows(ordered).equals(gateway.comparableRows(ordered))) {
      return ordered && postgres.comparableRows(false).equals(gateway.comparableRows(false)) ? ROW_ORDER_DIFFERS : VALUES_DIFFER;
    }
    if (!types(postgres.columns()).equals(types(gateway.columns()))) {
      return TYPES_DIFFER;
    }
    return postgres.columns().equals(gateway.columns()) ? SAME : COLUMN_NAMES_DIFFER;
  }

  private static List<String> types(List<String> columns) {
    return columns.stream().map(column -> column.substring(column.lastIndexOf(':') + 1)).toList();
  }
}
