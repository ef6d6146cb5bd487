package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.types.ArrayLiteral;
import io.analytics.gateway.types.PgType;
import io.analytics.gateway.types.PgTypes;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL array literals cast to an array type, {@code '{1,2,3}'::int[]} or {@code CAST('{a,b}' AS
 * text[])}: DuckDB reads list text as {@code [1, 2, 3]}, so the literal is rewritten into that form
 * (elements quoted as array_in reads them, NULL kept) and DuckDB's own cast does the rest.
 * A malformed array literal is 22P02, as in PostgreSQL; a multi-dimensional one is refused with 0A000.
 */
public final class ArrayLiterals implements DialectStage {
  private static final Set<String> NUMERIC_ELEMENTS = Set.of(
      "int", "int2", "int4", "int8", "integer", "smallint", "bigint", "numeric", "decimal", "real", "float4", "float8", "double");
  private static final Set<String> BOOLEAN_ELEMENTS = Set.of("bool", "boolean");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 0; i + 3 < tokens.size(); i++) {
      Token literal = tokens.get(i);
      if (literal.type() != TokenType.STRING || !literal.value().strip().startsWith("{")) {
        continue;
      }
      int typeAt = typeAfter(tokens, i);
      if (typeAt < 0 || typeAt + 2 >= tokens.size() || !tokens.get(typeAt + 1).isPunctuation('[') || !tokens.get(typeAt + 2).isPunctuation(']')) {
        continue;
      }
      if (edits == null) {
        edits = new TokenEdits(statement);
      }
      String list = ArrayLiteral.duckDbListText(literal.value(), element(tokens.get(typeAt)));
      edits.replace(literal.start(), literal.end(), "'" + list.replace("'", "''") + "'");
      if (ArrayLiteral.dimensions(literal.value()) > 1) {
        // DuckDB reads each sub-array of a text[] as one text element, and as nested lists cardinality and slices
        // would count and cut them otherwise than PostgreSQL's one multi-dimensional array: refused, not guessed.
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "multi-dimensional array literals are not supported by the gateway",
            null, "write the array with ARRAY[...] constructors, or one dimension", statement.sql().codePointCount(0, literal.start()) + 1, null);
      }
    }
    return edits == null ? statement : edits.result();
  }

  /** The index of the type name in {@code 'x'::type} or {@code CAST('x' AS type}, or -1. */
  private static int typeAfter(List<Token> tokens, int literal) {
    if (tokens.get(literal + 1).text().equals("::") && tokens.get(literal + 2).type() == TokenType.WORD) {
      return literal + 2;
    }
    boolean parenthesized = literal >= 1 && tokens.get(literal - 1).isPunctuation('(') && tokens.get(literal + 1).isPunctuation(')')
        && (LiteralCast.isGrouping(tokens, literal - 1) || (literal >= 2 && tokens.get(literal - 2).is("CAST")));
    if (parenthesized && tokens.get(literal + 2).text().equals("::") && literal + 3 < tokens.size() && tokens.get(literal + 3).type() == TokenType.WORD) {
      return literal + 3; // ('{1,2}')::int[], as pgjdbc inlines a parameter in simple query mode
    }
    boolean inCast = literal >= 2 && tokens.get(literal - 1).isPunctuation('(') && tokens.get(literal - 2).is("CAST");
    if (inCast && tokens.get(literal + 1).is("AS") && tokens.get(literal + 2).type() == TokenType.WORD) {
      return literal + 2;
    }
    boolean inCastParenthesized = parenthesized && literal >= 3 && tokens.get(literal - 2).isPunctuation('(') && tokens.get(literal - 3).is("CAST");
    if (inCastParenthesized && tokens.get(literal + 2).is("AS") && literal + 3 < tokens.size() && tokens.get(literal + 3).type() == TokenType.WORD) {
      return literal + 3;
    }
    return -1;
  }

  private static PgType element(Token type) {
    String name = type.value();
    if (NUMERIC_ELEMENTS.contains(name)) {
      return PgTypes.INT4;
    }
    return BOOLEAN_ELEMENTS.contains(name) ? PgTypes.BOOL : PgTypes.TEXT;
  }
}
