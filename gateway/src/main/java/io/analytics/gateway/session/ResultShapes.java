package io.analytics.gateway.session;

import static java.util.Objects.requireNonNull;

import io.analytics.catalog.error.PlatformException;
import io.analytics.engine.session.EngineSession;
import io.analytics.engine.session.PreparedQuery;
import io.analytics.engine.session.ResultColumn;
import io.analytics.gateway.sql.SqlStatement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Learns a statement's result columns when DuckDB cannot tell them before its parameters are bound
 * (it then reports a single column of type UNKNOWN, e.g. for {@code SELECT len($1::INT[])} or
 * {@code SELECT $1 + 1}). PostgreSQL clients need the columns at Describe, so the statement is
 * prepared once more with each parameter replaced by a NULL of its type: the type DuckDB inferred,
 * else the one the client declared, else (at Bind) the type of the bound value.
 */
final class ResultShapes {
  private final EngineSession engine;

  ResultShapes(EngineSession engine) {
    this.engine = requireNonNull(engine, "engine is null");
  }

  static boolean isUnknown(List<ResultColumn> columns) {
    return columns.size() == 1 && columns.get(0).duckDbType().equals("UNKNOWN");
  }

  /** At Parse: the columns, if every parameter's type is known from DuckDB or the client. */
  List<ResultColumn> beforeBind(SqlStatement statement, PreparedQuery query, List<Integer> declaredTypes) {
    if (!isUnknown(query.columns())) {
      return query.columns();
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < query.parameterTypes().size(); i++) {
      String type = knownType(query, declaredTypes, i);
      if (type == null) {
        return query.columns();
      }
      types.add(type);
    }
    return probe(statement, types, query.columns());
  }

  /** At Bind: the plan's columns, or if still unknown, those implied by the bound values' types. */
  List<ResultColumn> atBind(PreparedPlan.DuckDb plan, List<Object> values) {
    if (!isUnknown(plan.columns())) {
      return plan.columns();
    }
    List<String> types = new ArrayList<>();
    for (int i = 0; i < plan.query().parameterTypes().size(); i++) {
      String type = knownType(plan.query(), plan.declaredTypes(), i);
      types.add(type != null ? type : typeOfValue(i < values.size() ? values.get(i) : null));
    }
    return probe(plan.statement(), types, plan.columns());
  }

  private static String knownType(PreparedQuery query, List<Integer> declaredTypes, int index) {
    String inferred = query.parameterTypes().get(index);
    if (!inferred.equals("UNKNOWN") && !inferred.equals("INVALID")) {
      return inferred;
    }
    return index < declaredTypes.size() ? ParameterCasts.duckDbType(declaredTypes.get(index)) : null;
  }

  private static String typeOfValue(Object value) {
    if (value instanceof Long) {
      return "BIGINT";
    } else if (value instanceof Integer) {
      return "INTEGER";
    } else if (value instanceof Short) {
      return "SMALLINT";
    } else if (value instanceof BigDecimal decimal) {
      return "DECIMAL(38," + Math.max(0, Math.min(decimal.scale(), 37)) + ")";
    } else if (value instanceof Double) {
      return "DOUBLE";
    } else if (value instanceof Float) {
      return "FLOAT";
    } else if (value instanceof Boolean) {
      return "BOOLEAN";
    } else if (value instanceof byte[]) {
      return "BLOB";
    } else if (value instanceof LocalDate) {
      return "DATE";
    } else if (value instanceof LocalDateTime) {
      return "TIMESTAMP";
    } else if (value instanceof OffsetDateTime) {
      return "TIMESTAMPTZ";
    } else if (value instanceof LocalTime) {
      return "TIME";
    } else if (value instanceof UUID) {
      return "UUID";
    }
    return "VARCHAR";
  }

  private List<ResultColumn> probe(SqlStatement statement, List<String> types, List<ResultColumn> fallback) {
    String sql = ParameterCasts.typedNulls(statement, types);
    try (PreparedQuery probe = prepareOneStatement(sql)) {
      return isUnknown(probe.columns()) ? fallback : probe.columns();
    } catch (PlatformException e) {
      return fallback;
    }
  }

  private PreparedQuery prepareOneStatement(String sql) {
    io.analytics.gateway.security.StatementGuard.requireOneStatement(sql);
    return engine.prepare(sql);
  }
}
