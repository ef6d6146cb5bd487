package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.List;

/**
 * The translation of a client's statement from PostgreSQL's dialect to DuckDB's that no DuckDB
 * setting covers (those are {@link PostgresDialectSettings}): the stages, in the order they run.
 */
public final class PostgresDialect {
  private static final List<DialectStage> STAGES = List.of(
      new IntegerLiterals(), new ByteaLiterals(), new NumericLiterals(), new RoundedNumericCasts(), new FloatTypeNames(), new ArrayLiterals(),
      new ExtractSeconds(), new RegexpMatches(), new IntegerFunctions(), new SetReturningSelectList(), new JsonCasts(),
      new JsonOperators());

  private PostgresDialect() {}

  /** Only json's casts and operators translated, for naming result columns after statements DuckDB cannot parse. */
  public static String translateJsonSyntax(String sql) {
    return new JsonOperators().apply(new JsonCasts().apply(SqlStatement.parse(sql))).sql();
  }

  public static SqlStatement translate(SqlStatement statement) {
    SqlStatement translated = statement;
    for (DialectStage stage : STAGES) {
      translated = stage.apply(translated);
    }
    return translated;
  }
}
