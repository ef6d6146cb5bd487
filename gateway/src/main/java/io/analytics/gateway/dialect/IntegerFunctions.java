package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Functions that return int4 in PostgreSQL and BIGINT in DuckDB ({@code length}, {@code position},
 * {@code array_length}, ...) are cast to INTEGER, so that clients get the type PostgreSQL reports:
 * node-postgres turns int8 into strings, pgjdbc's getObject into Long. The values are the same.
 * {@code octet_length('literal')}, which DuckDB cannot resolve between text and bytea, counts the
 * literal's UTF-8 bytes with {@code strlen}, as PostgreSQL reads an unknown literal as text.
 */
public final class IntegerFunctions implements DialectStage {
  private static final Set<String> INT4_FUNCTIONS = Set.of(
      "length", "char_length", "character_length", "octet_length", "bit_length", "position", "strpos", "ascii",
      "array_length", "array_position", "cardinality", "array_ndims", "array_upper", "array_lower");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.type() == TokenType.WORD && INT4_FUNCTIONS.contains(token.value()))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token token = tokens.get(i);
      if (token.type() != TokenType.WORD || !INT4_FUNCTIONS.contains(token.value()) || !tokens.get(i + 1).isPunctuation('(')
          || (i > 0 && tokens.get(i - 1).isPunctuation('.'))) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      if (close < 0) {
        continue;
      }
      boolean literalOctets = token.is("octet_length") && close == i + 3 && tokens.get(i + 2).type() == TokenType.STRING;
      edits.replace(token.start(), token.end(), "CAST(" + (literalOctets ? "strlen" : token.text()));
      edits.replace(tokens.get(close).start(), tokens.get(close).end(), ") AS INTEGER)");
    }
    return edits.result();
  }
}
