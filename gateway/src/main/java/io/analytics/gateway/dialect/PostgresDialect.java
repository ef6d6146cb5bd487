package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import java.util.List;

/**
 * The translation of a client's statement from PostgreSQL's dialect to DuckDB's that no DuckDB
 * setting covers (those are {@link PostgresDialectSettings}): the stages, in the order they run.
 */
public final class PostgresDialect {
  private static final List<DialectStage> STAGES = List.of(
      new UnicodeEscapes(), new PreparedParameterTypes(), new FunctionStyleCasts(), new OrderByOperators(), new TemporalPrecisionCasts(), new IntegerLiterals(), new ByteaLiterals(), new NumericLiterals(), new NumericConstants(), new ExactNumberLiterals(), new RoundedNumericCasts(), new FloatTypeNames(), new FloatLiterals(),
      new VariadicArrays(), new ArrayLiterals(), new MultiDimensionalSlices(), new NullArrayQuantifiers(), new DatePartResults(), new ExtractSeconds(), new RegexHexEscapes(), new RegexpMatches(), new RegexpFunctions(), new NthValuePositions(), new DistinctAggregateOrder(), new IntegerFunctions(), new SetReturningSelectList(),
      new RecursiveCteOrder(), new FunctionAliasReferences(), new WholeRowReferences(), new JoinUsingColumnOrder(), new IntervalLiteralFields(), new JsonCasts(), new JsonOperators(), new RowToJsonNonFinite());

  private static final DialectStage AGGREGATES = new AggregateResultTypes();
  private static final DialectStage ARRAY_AGGREGATES = new ArrayAggregateChecks();
  private static final DialectStage STRING_AGGREGATES = new StringAggregates();
  private static final DialectStage FORMAT = new FormatCalls();
  private static final DialectStage NUMERIC_CASTS = new NumericCasts();
  private static final DialectStage EXTRACT = new ExtractNumeric();
  private static final DialectStage OVERLAPS = new OverlapsPredicate();
  private static final DialectStage NUMERIC_FUNCTIONS = new NumericFunctionCalls();
  private static final DialectStage CONCAT = new ConcatArguments();
  private static final DialectStage BYTEA_CASTS = new ByteaCasts();
  private static final DialectStage CHARACTER_CASTS = new CharacterCasts();
  private static final DialectStage DIVISION = new NumericDivision();

  private PostgresDialect() {}

  /**
   * Only the syntax DuckDB cannot parse translated (json's casts and operators, VARIADIC arrays, date/time types with a
   * precision), for naming result columns after statements DuckDB cannot parse.
   */
  public static String translateForNaming(String sql) {
    SqlStatement statement = new JsonOperators().apply(new JsonCasts().apply(new VariadicArrays().apply(SqlStatement.parse(sql))));
    return TemporalPrecisionCasts.withoutPrecisions(statement).sql();
  }

  public static SqlStatement translate(SqlStatement statement) {
    SqlStatement translated = statement;
    for (DialectStage stage : STAGES) {
      translated = stage.apply(translated);
    }
    return translated;
  }

  /**
   * The stages that call the session's TEMP macros ({@link PgAggregateMacros} (with string_agg's), {@link PgArrayMacros}, {@link PgNumericFunctionMacros}, quote_ident for
   * format's %I, {@link PgExtractMacros}, {@link PgOverlapsMacros}, concat's pg_concat_text, bytea casts' pg_bytea_input,
   * {@link PgCharacterMacros}, {@link PgNumericDivisionMacros}): only for statements of a session that creates them first (not COPY's source, which has no
   * such step).
   */
  public static SqlStatement translateWithSessionMacros(SqlStatement statement) {
    return DIVISION.apply(CHARACTER_CASTS.apply(BYTEA_CASTS.apply(CONCAT.apply(OVERLAPS.apply(NUMERIC_FUNCTIONS.apply(EXTRACT.apply(
        NUMERIC_CASTS.apply(FORMAT.apply(STRING_AGGREGATES.apply(AGGREGATES.apply(ARRAY_AGGREGATES.apply(statement))))))))))));
  }
}
