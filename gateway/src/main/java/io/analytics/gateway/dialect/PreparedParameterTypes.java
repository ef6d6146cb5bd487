package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;

/**
 * SQL-level {@code PREPARE name (type, ...) AS statement}, as psql scripts and PostgreSQL's own tests write
 * it. DuckDB's PREPARE takes no type list (it refused the statement: "TypeList for prepared statement has
 * not been implemented"), so the types move into the statement: each {@code $n} with a declared type
 * becomes {@code CAST($n AS type)}, which is what the declaration means in PostgreSQL (the parameter is
 * of that type wherever it is used, and EXECUTE's argument is converted to it). The casts are written
 * before the other dialect stages run, so they translate the declared types as any other cast.
 * Parameters beyond the list keep the type DuckDB infers, as PostgreSQL infers them.
 *
 * <p>PostgreSQL keeps only the type of a declared parameter, not its modifier: {@code numeric(6,2)} takes
 * 3.14159 unrounded, {@code timestamp(0)} keeps its fractions, {@code varchar(2)} and {@code char(2)} keep
 * every character, and {@code interval day} keeps its months (checked on PostgreSQL 15). So the cast is to
 * the type without its modifier. A character parameter ({@code char(n)}, {@code bpchar}) is PostgreSQL's
 * blank-padded type, whose trailing blanks do not count in comparisons, concatenation or length; the
 * gateway keeps such values without them (as it stores char(n) literals), so the parameter is its text with
 * trailing blanks removed.
 */
public final class PreparedParameterTypes implements DialectStage {
  @Override
  public SqlStatement apply(SqlStatement statement) {
    if (!statement.keyword().equals("PREPARE") || statement.size() < 4 || !statement.token(2).isPunctuation('(')) {
      return statement;
    }
    int close = statement.closingParenthesis(2);
    if (close < 0 || !statement.keyword(close + 1).equals("AS")) {
      return statement;
    }
    List<String> types = declaredTypes(statement, close);
    TokenEdits edits = new TokenEdits(statement);
    edits.replace(statement.token(1).end(), statement.token(close).end(), "");
    for (int i = close + 2; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.type() != TokenType.PARAMETER) {
        continue;
      }
      int number = Integer.parseInt(token.text().substring(1));
      if (number >= 1 && number <= types.size()) {
        edits.replace(token.start(), token.end(), castOf(token.text(), types.get(number - 1)));
      }
    }
    return edits.result();
  }

  /** The parameter {@code parameter} converted to the declared type {@code declared}, without its modifier. */
  static String castOf(String parameter, String declared) {
    SqlStatement type = SqlStatement.parse(declared);
    StringBuilder name = new StringBuilder();
    String arrays = "";
    for (int i = 0; i < type.size(); i++) {
      Token token = type.token(i);
      if (token.isPunctuation('(')) {
        i = type.closingParenthesis(i);
        if (i < 0) {
          return "CAST(" + parameter + " AS " + declared + ")";
        }
      } else if (token.isPunctuation('[') || token.text().startsWith("[")) {
        arrays = declared.substring(token.start()).replaceAll("\\[\\s*\\d*\\s*]", "[]").replaceAll("\\s+", "");
        break;
      } else {
        name.append(name.length() == 0 ? "" : " ").append(token.text());
      }
    }
    String written = name.toString();
    String lower = written.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("interval")) {
      written = "interval"; // its fields (DAY, HOUR TO SECOND) are a modifier too
    }
    boolean character = lower.equals("char") || lower.equals("character") || lower.equals("bpchar") || lower.equals("nchar")
        || lower.equals("national character");
    if (character) {
      return arrays.isEmpty() ? "rtrim(CAST(" + parameter + " AS VARCHAR), ' ')" : "CAST(" + parameter + " AS VARCHAR" + arrays + ")";
    }
    return "CAST(" + parameter + " AS " + written + arrays + ")";
  }

  /** The type texts between the parentheses that open at token 2 and close at {@code close}; 42601 for an empty one. */
  private static List<String> declaredTypes(SqlStatement statement, int close) {
    List<String> types = CallArguments.split(statement, 2, close);
    if (types.isEmpty() || types.contains("")) {
      throw new PlatformException(SqlState.SYNTAX_ERROR, "syntax error at or near \")\"");
    }
    return types;
  }
}
