package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.Optional;
import java.util.function.Function;

/**
 * The named stages that translate PostgreSQL DDL DuckDB does not take, in order: storage clauses
 * dropped ({@link TableStorageOptions}), several objects per DROP/TRUNCATE split
 * ({@link MultiObjectStatements}), character columns' declared types recorded ({@link DeclaredCharacterColumns}, also in
 * ALTER TABLE), auto-numbered columns to sequences ({@link SerialColumns}); first, numeric columns without precision
 * widened ({@link UnconstrainedNumericColumns}, also in ALTER TABLE), then date/time columns' precisions
 * ({@link TemporalPrecisionColumns}, also in ALTER TABLE).
 * The result may hold several statements; DuckDB runs all but the last when it prepares them.
 */
public final class PgDdl {
  private PgDdl() {}

  /** The statement DuckDB should run for a client's statement (the same object when nothing applies). */
  public static SqlStatement translate(SqlStatement statement) {
    String keyword = statement.keyword();
    if (keyword.equals("ALTER")) {
      return stage(stage(stage(statement, UnconstrainedNumericColumns::translate), TemporalPrecisionColumns::translate),
          DeclaredCharacterColumns::translate);
    }
    if (!keyword.equals("CREATE") && !keyword.equals("DROP") && !keyword.equals("TRUNCATE")) {
      return statement;
    }
    SqlStatement current = stage(statement, UnconstrainedNumericColumns::translate);
    current = stage(current, TemporalPrecisionColumns::translate);
    current = stage(current, TableStorageOptions::translate);
    current = stage(current, MultiObjectStatements::translate);
    current = stage(current, DeclaredCharacterColumns::translate);
    current = stage(current, SerialColumns::translate);
    return current;
  }

  private static SqlStatement stage(SqlStatement statement, Function<SqlStatement, Optional<String>> translation) {
    return translation.apply(statement)
        .map(sql -> new SqlStatement(sql, SqlStatement.parse(sql).tokens(), statement.offsetInQuery()))
        .orElse(statement);
  }
}
