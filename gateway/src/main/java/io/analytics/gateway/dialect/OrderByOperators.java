package io.analytics.gateway.dialect;

import io.analytics.catalog.error.PlatformException;
import io.analytics.catalog.error.SqlState;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * PostgreSQL's {@code ORDER BY x USING <} and {@code USING >}, in a query's or an aggregate's ORDER BY: a sort by an
 * ordering operator, which for the built-in types is ascending for {@code <} and descending for {@code >}, exactly
 * ASC and DESC (NULLs last for {@code <} and first for {@code >}, as PostgreSQL's default for each direction).
 * DuckDB has no such clause. Comparison operators that are not orderings are refused as PostgreSQL refuses them
 * (42809); any other operator (a user-defined ordering) is refused as not supported rather than guessed.
 * {@code USING} followed by anything but an operator (JOIN ... USING (cols), DELETE ... USING t) is left alone.
 */
public final class OrderByOperators implements DialectStage {
  private static final Set<String> NOT_ORDERINGS = Set.of("=", "<>", "!=", "<=", ">=");

  @Override
  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    TokenEdits edits = null;
    for (int i = 1; i + 1 < tokens.size(); i++) {
      Token using = tokens.get(i);
      Token operator = tokens.get(i + 1);
      if (!using.is("using") || operator.type() != TokenType.PUNCTUATION || operator.isPunctuation('(')) {
        continue;
      }
      edits = edits == null ? new TokenEdits(statement) : edits;
      boolean wordFollows = operator.end() < statement.sql().length() && Character.isLetter(statement.sql().charAt(operator.end()));
      edits.replace(using.start(), operator.end(), direction(operator.text()) + (wordFollows ? " " : ""));
    }
    return edits == null ? statement : edits.result();
  }

  private static String direction(String operator) {
    switch (operator) {
      case "<":
        return "ASC";
      case ">":
        return "DESC";
      default:
        if (NOT_ORDERINGS.contains(operator)) {
          throw new PlatformException(SqlState.WRONG_OBJECT_TYPE, "operator " + operator + " is not a valid ordering operator", null,
              "Ordering operators must be \"<\" or \">\" members of btree operator families.", 0, null);
        }
        throw new PlatformException(SqlState.FEATURE_NOT_SUPPORTED, "ORDER BY ... USING " + operator + " is not supported; use ASC or DESC");
    }
  }
}
