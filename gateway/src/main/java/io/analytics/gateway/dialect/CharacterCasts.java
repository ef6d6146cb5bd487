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
 * and {@code bpchar} are DuckDB's VARCHAR already.
 */
public final class CharacterCasts implements DialectStage {
  private static final Set<String> FIRST_WORDS = Set.of("char", "character", "varchar", "bpchar");
  private static final Set<String> DML = Set.of("INSERT", "UPDATE", "DELETE");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.type() == TokenType.WORD && FIRST_WORDS.contains(token.value()))
        || !QueryStatements.isQuery(statement) && !DML.contains(statement.keyword())) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    // From the end, so that an outer cast's call opens before an inner one at the same place ('a'::char(3)::varchar(2)).
    for (int i = tokens.size() - 2; i >= 1; i--) {
      Optional<CharacterTypeName> type = CharacterTypeName.at(statement, i + 1);
      if (type.isEmpty() || type.get().type().length() < 0 || type.get().type().type() == PgTypes.VARCHAR && !hasLength(type.get())) {
        continue;
      }
      String macro = type.get().type().type() == PgTypes.BPCHAR ? PgCharacterMacros.BPCHAR : PgCharacterMacros.VARCHAR;
      String length = ", " + type.get().type().length() + ")";
      Token cast = tokens.get(i);
      if (cast.text().equals("::")) {
        int start = operandStart(statement, i - 1);
        if (start >= 0) {
          edits.replace(tokens.get(start).start(), tokens.get(start).start(), macro + "(");
          edits.replace(cast.start(), tokens.get(type.get().end() - 1).end(), length);
        }
      } else if (cast.is("AS") && type.get().end() < tokens.size() && tokens.get(type.get().end()).isPunctuation(')')) {
        int open = statement.openingParenthesis(type.get().end());
        if (open >= 1 && tokens.get(open - 1).is("CAST")) {
          edits.replace(tokens.get(open - 1).start(), tokens.get(open).end(), macro + "(");
          edits.replace(tokens.get(i - 1).end(), tokens.get(type.get().end()).end(), length);
        }
      }
    }
    return edits.result();
  }

  private static boolean hasLength(CharacterTypeName type) {
    return type.end() - type.start() >= 3;
  }

  /** The first token of the cast's operand: a literal or parameter alone, else as {@link NumericCasts} finds it. */
  private static int operandStart(SqlStatement statement, int end) {
    Token last = statement.token(end);
    if (last.type() == TokenType.STRING || last.type() == TokenType.NUMBER || last.type() == TokenType.PARAMETER) {
      return end;
    }
    return NumericCasts.operandStart(statement, end);
  }
}
