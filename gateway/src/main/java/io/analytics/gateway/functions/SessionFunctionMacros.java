package io.analytics.gateway.functions;

import io.analytics.engine.session.EngineSession;
import io.analytics.gateway.numeric.NumericQuotientFunction;
import io.analytics.gateway.sessionstate.DatabaseFunctions;
import io.analytics.gateway.sessionstate.SessionCreatedObjects;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Creates a session's {@link PgFunctionMacros} the first time a statement names one of them (most
 * sessions never do, and creating them costs a few milliseconds), and again after a rollback of
 * the transaction they were created in, which took them away.
 */
public final class SessionFunctionMacros {
  /** The functions the macros define; a statement naming none of them does not need them. */
  private static final Set<String> NAMES = Set.of(
      "initcap", "btrim", "lpad", "rpad", "quote_ident", "quote_literal", "quote_nullable", "div", "width_bucket", "every",
      "array_remove", "array_replace", "array_agg", "array_fill", "scale", "min_scale", "acosh", "atanh", "to_char", "encode", "decode", "bytea",
      "clock_timestamp", "sum", "avg", "var_pop", "stddev_pop", "variance", "var_samp", "stddev", "stddev_samp", "format",
      "numeric", "decimal", "gcd", "lcm", "extract", "date_part", "overlaps", "pg_typeof",
      "sqrt", "exp", "ln", "log", "log10", "power", "pow", "round", "char", "character", "varchar");

  private final SessionCreatedObjects macros = new SessionCreatedObjects();

  /**
   * Creates the macros through {@code engine} if {@code statement} names one and they do not exist yet, with the
   * Java functions they call (once per database).
   *
   * @param inTransaction whether a transaction is open (created in it, they vanish if it rolls back)
   */
  public void ensureFor(SqlStatement statement, boolean inTransaction, EngineSession engine) {
    if (macros.created() || !namesOne(statement)) {
      return;
    }
    Consumer<String> execute = engine::execute;
    macros.ensure(inTransaction, () -> {
      DatabaseFunctions.registerOnce(engine, NumericQuotientFunction.NAME, NumericQuotientFunction::register);
      DatabaseFunctions.registerOnce(engine, PgJavaFunctions.MARKER, PgJavaFunctions::register);
      PgFunctionMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgAggregateMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgArrayMacros.statements().forEach(execute);
      PgNumericScaleMacros.statements().forEach(execute);
      PgHyperbolicMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgVarianceMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgExtractMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgDatePartMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgOverlapsMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgNumericFunctionMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgCharacterMacros.statements().forEach(execute);
      io.analytics.gateway.dialect.PgNumericDivisionMacros.statements().forEach(execute);
      PgStringFunctionMacros.statements().forEach(execute);
      PgDateFunctionMacros.statements().forEach(execute);
      PgIntervalFunctionMacros.statements().forEach(execute);
      PgTableFunctionMacros.statements().forEach(execute);
      PgTypeofMacros.statements().forEach(execute);
    });
  }

  /** The transaction the macros may have been created in committed. */
  public void committed() {
    macros.committed();
  }

  /** The transaction rolled back: macros created in it are gone, create them again when next needed. */
  public void rolledBack() {
    macros.rolledBack();
  }

  static boolean namesOne(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      String word = token.text().toLowerCase(Locale.ROOT);
      if (token.type() == TokenType.WORD && (NAMES.contains(word) || PgStringFunctionMacros.NAMES.contains(word)
          || PgDateFunctionMacros.NAMES.contains(word) || PgIntervalFunctionMacros.NAMES.contains(word)
          || PgTableFunctionMacros.NAMES.contains(word)) || token.type() == TokenType.QUOTED_IDENTIFIER && word.equals("\"char\"")
          || token.type() == TokenType.PUNCTUATION && word.equals("/")) {
        return true;
      }
    }
    return false;
  }
}
