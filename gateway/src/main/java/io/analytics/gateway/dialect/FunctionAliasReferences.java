package io.analytics.gateway.dialect;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The alias of a one-column set-returning function in FROM, used as a value ({@code SELECT e->>'name' FROM
 * json_array_elements(doc) AS e}): in PostgreSQL that is the function's one column, in DuckDB the whole row of the
 * gateway's table macro (a struct, sent as {@code {"value":...}}). Each such reference becomes {@code alias.column}.
 * A qualified reference ({@code e.value}), a column list ({@code AS e(x)}) and other functions are left alone.
 */
public final class FunctionAliasReferences implements DialectStage {
  /** The gateway's one-column JSON table macros and the name of their column. */
  private static final Map<String, String> COLUMNS = Map.of(
      "json_array_elements", "value", "jsonb_array_elements", "value", "json_array_elements_text", "value",
      "jsonb_array_elements_text", "value", "json_object_keys", "json_object_keys", "jsonb_object_keys", "jsonb_object_keys");
  /** Words that may follow a FROM item where an alias would stand, so are not an alias. */
  private static final Set<String> NOT_ALIASES = Set.of(
      "where", "group", "order", "having", "limit", "offset", "join", "left", "right", "inner", "outer", "full", "cross",
      "natural", "on", "using", "union", "intersect", "except", "window", "with", "lateral", "fetch", "for", "returning", "qualify");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (tokens.stream().noneMatch(token -> token.type() == TokenType.WORD && COLUMNS.containsKey(token.value().toLowerCase(Locale.ROOT)))) {
      return statement;
    }
    Map<Integer, String> definitions = new HashMap<>(); // token index of an alias -> the function's column
    for (int i = 1; i + 1 < tokens.size(); i++) {
      String column = COLUMNS.get(tokens.get(i).text().toLowerCase(Locale.ROOT));
      if (column == null || tokens.get(i).type() != TokenType.WORD || !tokens.get(i + 1).isPunctuation('(')
          || tokens.get(i - 1).isPunctuation('.')) {
        continue;
      }
      int close = statement.closingParenthesis(i + 1);
      int alias = close < 0 ? -1 : (close + 1 < tokens.size() && tokens.get(close + 1).is("as") ? close + 2 : close + 1);
      if (alias > 0 && alias < tokens.size() && isAlias(tokens.get(alias))
          && (alias + 1 >= tokens.size() || !tokens.get(alias + 1).isPunctuation('('))) {
        definitions.put(alias, column);
      }
    }
    if (definitions.isEmpty()) {
      return statement;
    }
    Map<String, String> columnOfAlias = new HashMap<>();
    definitions.forEach((at, column) -> columnOfAlias.put(tokens.get(at).text().toLowerCase(Locale.ROOT), column));
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      String column = token.type() == TokenType.WORD ? columnOfAlias.get(token.text().toLowerCase(Locale.ROOT)) : null;
      if (column != null && !definitions.containsKey(i) && isValueReference(tokens, i)) {
        // A select-list item of its own keeps PostgreSQL's column name, the alias.
        String name = SelectListItems.isWholeItem(tokens, i) ? " AS " + token.text() : "";
        edits.replace(token.start(), token.end(), token.text() + "." + column + name);
      }
    }
    return edits.result();
  }

  private static boolean isAlias(Token token) {
    return token.type() == TokenType.WORD && !NOT_ALIASES.contains(token.text().toLowerCase(Locale.ROOT));
  }

  /** A bare name: not qualified or qualifying, not a call, not a name being defined after AS. */
  private static boolean isValueReference(List<Token> tokens, int i) {
    if (i > 0 && (tokens.get(i - 1).isPunctuation('.') || tokens.get(i - 1).is("as"))) {
      return false;
    }
    return i + 1 >= tokens.size() || !(tokens.get(i + 1).isPunctuation('.') || tokens.get(i + 1).isPunctuation('('));
  }
}
