package io.analytics.gateway.session;

import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.sql.SqlStatement;
import java.util.List;

/** A statement prepared by Parse (or by a simple query): what runs when a portal executes it. */
sealed interface PreparedPlan extends AutoCloseable {
  SqlStatement statement();

  /** Parameter type OIDs as the client declared them (0 = unspecified). */
  List<Integer> declaredTypes();

  /** DuckDB's types of the statement's parameters, as Bind decodes values for them. */
  default List<String> parameterDuckDbTypes() {
    return List.of();
  }

  /** An empty query string: executes to EmptyQueryResponse. */
  record Empty(SqlStatement statement, List<Integer> declaredTypes) implements PreparedPlan {
    @Override
    public void close() {}
  }

  /** A statement the gateway answers itself. */
  record Command(SqlStatement statement, SessionCommand command, List<Integer> declaredTypes) implements PreparedPlan {
    @Override
    public void close() {}
  }

  /**
   * A statement DuckDB has prepared, with its result columns: DuckDB's, or where DuckDB could not
   * tell them before binding, those learned by {@link ResultShapes}.
   */
  record DuckDb(SqlStatement statement, PreparedQuery query, List<Integer> declaredTypes, List<ResultColumn> columns)
      implements PreparedPlan {
    @Override
    public List<String> parameterDuckDbTypes() {
      return query.parameterTypes();
    }

    @Override
    public void close() {
      query.close();
    }
  }

  /**
   * DECLARE ... CURSOR FOR a query with parameters (psycopg 3's server-side cursors send this): the
   * query is prepared once here to learn its parameter types; Execute declares the cursor with the
   * bound values.
   */
  record DeclareCursor(SqlStatement statement, SessionCommand.DeclareCursor declare, PreparedQuery probe, List<Integer> declaredTypes)
      implements PreparedPlan {
    @Override
    public List<String> parameterDuckDbTypes() {
      return probe.parameterTypes();
    }

    @Override
    public void close() {
      probe.close();
    }
  }

  @Override
  void close();
}
