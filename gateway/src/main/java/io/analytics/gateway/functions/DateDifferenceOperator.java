package io.analytics.gateway.functions;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;

/**
 * {@code date - date} is an integer (int4) in PostgreSQL and a BIGINT in DuckDB, so node-postgres handed
 * applications a string instead of a number of days and pgjdbc a Long. A session's TEMP macro named {@code -} takes
 * the place of DuckDB's operator (DuckDB's binder looks the operator up by name, temporary objects first): its DATE,
 * DATE overload casts the difference to INTEGER, and every other use (numbers, timestamps, intervals, unary minus)
 * is DuckDB's own function through {@code system.main}. It is created the first time a statement holds a minus.
 */
final class DateDifferenceOperator {
  static final String STATEMENT = "CREATE OR REPLACE TEMP MACRO \"-\"(a DATE, b DATE) AS CAST(system.main.\"-\"(a, b) AS INTEGER), "
      + "(a, b) AS system.main.\"-\"(a, b), (a) AS system.main.\"-\"(a)";

  private DateDifferenceOperator() {}

  static boolean isUsedBy(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.type() == TokenType.PUNCTUATION && token.text().equals("-")) {
        return true;
      }
    }
    return false;
  }
}
