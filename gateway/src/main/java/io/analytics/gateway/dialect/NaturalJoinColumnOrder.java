package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code SELECT *} over {@code a NATURAL JOIN b}: PostgreSQL lists the common columns first (in a's order), then
 * the others of each side; DuckDB keeps them where a has them, so {@code a (x, k, y) NATURAL JOIN b (z, k)} answered
 * {@code x, k, y, z} where PostgreSQL answers {@code k, x, y, z}. Which columns are common is known only from the two
 * sides' columns: each side is prepared once as {@code SELECT * FROM side LIMIT 0} (never run), only for a FROM clause
 * that is exactly one NATURAL join under a bare star. The star then becomes {@code "k", * EXCLUDE ("k")}, as
 * {@link JoinUsingColumnOrder} does for USING.
 */
public final class NaturalJoinColumnOrder {
  /** The result column names of a query, or null when DuckDB cannot prepare it. */
  public interface ColumnNames {
    List<String> of(String query);
  }

  private static final Set<String> JOIN_TYPES = Set.of("INNER", "LEFT", "RIGHT", "FULL", "OUTER");

  private final ColumnNames names;

  public NaturalJoinColumnOrder(ColumnNames names) {
    this.names = requireNonNull(names, "names is null");
  }

  /** Prepares with the session's own DuckDB connection, where the statement's tables are visible. */
  public static NaturalJoinColumnOrder probingWith(EngineSession engine) {
    requireNonNull(engine, "engine is null");
    return new NaturalJoinColumnOrder(query -> {
      try (PreparedQuery prepared = engine.prepare(query)) {
        return prepared.columns().stream().map(ResultColumn::name).toList();
      } catch (RuntimeException e) {
        return null;
      }
    });
  }

  public SqlStatement apply(SqlStatement statement) {
    List<Token> tokens = statement.tokens();
    if (!QueryStatements.isQuery(statement) || tokens.stream().noneMatch(token -> token.is("NATURAL"))) {
      return statement;
    }
    TokenEdits edits = new TokenEdits(statement);
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isPunctuation('*') && SelectListItems.isWholeItem(tokens, i)) {
        int from = JoinUsingColumnOrder.fromOfSelectList(statement, i);
        List<String> common = from < 0 ? List.of() : commonColumns(statement, from);
        if (!common.isEmpty()) {
          String columns = String.join(", ", common.stream().map(name -> "\"" + name.replace("\"", "\"\"") + "\"").toList());
          edits.replace(tokens.get(i).start(), tokens.get(i).end(), columns + ", * EXCLUDE (" + columns + ")");
        }
      }
    }
    return edits.result();
  }

  /** The common columns of the one NATURAL join the FROM clause at {@code from} is, in its left side's order; none otherwise. */
  private List<String> commonColumns(SqlStatement statement, int from) {
    int natural = -1;
    int join = -1;
    int end = statement.size();
    int depth = 0;
    for (int i = from + 1; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.isPunctuation('(')) {
        depth++;
      } else if (token.isPunctuation(')') && depth-- == 0 || depth == 0 && JoinUsingColumnOrder.FROM_ENDS.contains(statement.keyword(i))) {
        end = i;
        break;
      } else if (depth == 0) {
        String word = statement.keyword(i);
        if (token.isPunctuation(',') || word.equals("ON") || word.equals("USING") || word.equals("JOIN") && join >= 0
            || word.equals("NATURAL") && natural >= 0) {
          return List.of();
        }
        natural = word.equals("NATURAL") ? i : natural;
        join = word.equals("JOIN") ? i : join;
      }
    }
    if (natural <= from + 1 || join <= natural || join + 1 >= end) {
      return List.of();
    }
    for (int i = natural + 1; i < join; i++) {
      if (!JOIN_TYPES.contains(statement.keyword(i))) {
        return List.of();
      }
    }
    List<String> left = columnsOf(statement, from + 1, natural);
    List<String> right = left == null ? null : columnsOf(statement, join + 1, end);
    if (right == null) {
      return List.of();
    }
    List<String> common = new ArrayList<>();
    for (String name : left) {
      if (right.stream().anyMatch(name::equalsIgnoreCase) && common.stream().noneMatch(name::equalsIgnoreCase)) {
        common.add(name);
      }
    }
    return common;
  }

  /** The columns of the FROM item between tokens {@code start} and {@code end}, or null. */
  private List<String> columnsOf(SqlStatement statement, int start, int end) {
    if (statement.token(start).type() == TokenType.WORD && statement.keyword(start).equals("LATERAL")) {
      return null;
    }
    String item = statement.sql().substring(statement.token(start).start(), statement.token(end - 1).end());
    return names.of("SELECT * FROM " + item + " LIMIT 0");
  }
}
