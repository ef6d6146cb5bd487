package io.analytics.gateway.dialect;

import static java.util.Objects.requireNonNull;

import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code x = ANY($1)} (and ALL, SOME) with an array parameter of unspecified or text type, as
 * node-postgres, psycopg 3 and pgcli send it: DuckDB cannot bind ANY over a parameter of unknown
 * type (42000 "UNNEST() can only be applied to lists"), so the parameter is cast to an array of the
 * element type the comparison implies. That type comes from DuckDB's own binder: the statement is
 * prepared once (never run) with {@code ANY($1)} written as {@code ($1)}, where DuckDB infers the
 * parameter's type from the other operand. When it cannot, the elements stay text (VARCHAR[]).
 */
public final class AnyArrayParameters {
  /** PostgreSQL type OIDs a client may declare for an array it sends as text: unspecified, text, varchar, unknown. */
  private static final Set<Integer> UNTYPED = Set.of(0, 25, 1043, 705);

  /** Prepares SQL without running it and reports DuckDB's type for each parameter ("UNKNOWN" when it has none). */
  public interface ParameterTypes {
    List<String> of(String sql);

    /** Prepares with the session's own DuckDB connection, where the statement's tables are visible. */
    static ParameterTypes preparingWith(EngineSession engine) {
      requireNonNull(engine, "engine is null");
      return sql -> {
        try (PreparedQuery query = engine.prepare(sql)) {
          return query.parameterTypes();
        }
      };
    }
  }

  private final ParameterTypes probe;

  public AnyArrayParameters(ParameterTypes probe) {
    this.probe = requireNonNull(probe, "probe is null");
  }

  /** Probes with the session's own DuckDB connection, where the statement's tables are visible. */
  public static AnyArrayParameters probingWith(EngineSession engine) {
    return new AnyArrayParameters(ParameterTypes.preparingWith(engine));
  }

  public SqlStatement apply(SqlStatement statement, List<Integer> declaredTypes) {
    List<Token> tokens = statement.tokens();
    List<Integer> placeholders = new ArrayList<>(); // token index of each $n inside ANY( )
    for (int i = 0; i + 3 < tokens.size(); i++) {
      if ((tokens.get(i).is("ANY") || tokens.get(i).is("ALL") || tokens.get(i).is("SOME")) && tokens.get(i + 1).isPunctuation('(')
          && tokens.get(i + 2).type() == TokenType.PARAMETER && tokens.get(i + 3).isPunctuation(')')
          && UNTYPED.contains(declared(declaredTypes, number(tokens.get(i + 2))))) {
        placeholders.add(i + 2);
      }
    }
    if (placeholders.isEmpty()) {
      return statement;
    }
    List<String> inferred = inferredTypes(statement, placeholders);
    TokenEdits edits = new TokenEdits(statement);
    for (int at : placeholders) {
      Token parameter = tokens.get(at);
      int index = number(parameter) - 1;
      String element = index < inferred.size() ? inferred.get(index) : "UNKNOWN";
      if (element.equals("UNKNOWN") || element.equals("INVALID") || element.endsWith("]")) {
        element = "VARCHAR";
      }
      edits.replace(parameter.start(), parameter.end(), "CAST(" + parameter.text() + " AS " + element + "[])");
    }
    return edits.result();
  }

  /** The parameters' types with each ANY($n) written as ($n); none known when DuckDB cannot prepare it. */
  private List<String> inferredTypes(SqlStatement statement, List<Integer> placeholders) {
    TokenEdits scalar = new TokenEdits(statement);
    for (int at : placeholders) {
      scalar.replace(statement.tokens().get(at - 2).start(), statement.tokens().get(at - 1).end(), "(");
    }
    try {
      return probe.of(scalar.result().sql());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static int number(Token parameter) {
    return Integer.parseInt(parameter.text().substring(1));
  }

  private static int declared(List<Integer> declaredTypes, int number) {
    return number - 1 < declaredTypes.size() ? declaredTypes.get(number - 1) : 0;
  }
}
