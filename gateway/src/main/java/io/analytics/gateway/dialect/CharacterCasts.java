package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import io.analytics.gateway.types.PgTypes;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Casts to a character type with a length ({@code x::char(5)}, {@code CAST(x AS varchar(10))},
 * {@code x::character}) become calls of {@link PgCharacterMacros}: DuckDB drops the length, so
 * {@code 'abc'::char(5)} was {@code abc} and {@code 'abcdef'::varchar(3)} was not cut. The call also
 * tells the result column's type (see columns.CharacterCastTypes). Casts to unbounded {@code varchar}
 * and {@code bpchar} are DuckDB's VARCHAR already. A cast to {@code "char"} becomes the macro of the one-byte type.
 */
public final class CharacterCasts implements DialectStage {
  private static final Set<String> FIRST_WORDS = Set.of("char", "character", "varchar", "bpchar");
  private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.type() != TokenType.STRING && FIRST_WORDS.contains(token.value()))
        || !QueryStatements.isQuery(statement) && !DML.contains(statement.keyword())) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    // From the end, so that an outer cast's call opens before an inner one at the same place ('a'::char(3)::varchar(2)).
    for (int i = tokens.size() - 2; i >= 1; i--) {
      if (isSingleByteChar(tokens, i + 1)) {
        CastCalls.wrap(statement, i, i + 2, PgCharacterMacros.CHAR + "(", ")", edits);
        continue;
      }
      Optional<CharacterTypeName> type = CharacterTypeName.at(statement, i + 1);
      if (type.isEmpty() || type.get().type().length() < 0 || type.get().type().type() == PgTypes.VARCHAR && !hasLength(type.get())) {
        continue;
      }
      String macro = type.get().type().type() == PgTypes.BPCHAR ? PgCharacterMacros.BPCHAR : PgCharacterMacros.VARCHAR;
      CastCalls.wrap(statement, i, type.get().end(), macro + "(", ", " + type.get().type().length() + ")", edits);
    }
    return edits.result();
  }

  /** {@code "char"}, PostgreSQL's one-byte type (not an array of it). */
  private static boolean isSingleByteChar(List<Token> tokens, int index) {
    return tokens.get(index).type() == TokenType.QUOTED_IDENTIFIER && tokens.get(index).value().equals("char")
        && (index + 1 >= tokens.size() || !tokens.get(index + 1).isPunctuation('['));
  }

  private static boolean hasLength(CharacterTypeName type) {
    return type.end() - type.start() >= 3;
  }
}
