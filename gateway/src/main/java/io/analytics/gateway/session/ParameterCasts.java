package io.analytics.gateway.session;

import io.analytics.engine.pgtypes.PgTypeDefinition;
import io.analytics.engine.pgtypes.PgTypeRegistry;
import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives DuckDB the parameter types a client declared in Parse, by rewriting {@code $n} to {@code
 * CAST($n AS type)}: in PostgreSQL a declared type is fixed, whereas DuckDB would otherwise infer one
 * (or none) from context. Text-like and unspecified types are left for DuckDB to infer, since
 * PostgreSQL also coerces untyped literals to their context.
 */
final class ParameterCasts {
  /** The registry's parameter casts, by the declared type's OID (an array type's by its own OID). */
  private static final Map<Integer, String> DUCKDB_TYPES = casts();

  private ParameterCasts() {}

  private static Map<Integer, String> casts() {
    Map<Integer, String> casts = new HashMap<>();
    for (PgTypeDefinition type : PgTypeRegistry.all()) {
      if (type.parameterCast() != null) {
        casts.put(type.oid(), type.parameterCast());
      }
      if (type.arrayParameterCast() != null) {
        casts.put(type.arrayOid(), type.arrayParameterCast());
      }
    }
    return Map.copyOf(casts);
  }

  /** DuckDB's name for a declared parameter type, or null for unspecified and text-like types. */
  static String duckDbType(int oid) {
    return DUCKDB_TYPES.get(oid);
  }

  /**
   * The statement with each {@code $n} replaced by a NULL of the given DuckDB type, so that DuckDB
   * can bind it fully and report its result columns.
   */
  static String typedNulls(SqlStatement statement, List<String> duckDbTypes) {
    return replaceParameters(statement, (index, placeholder) -> {
      String type = index >= 0 && index < duckDbTypes.size() ? duckDbTypes.get(index) : "VARCHAR";
      return "CAST(NULL AS " + type + ")";
    });
  }

  static String apply(SqlStatement statement, List<Integer> declaredTypes) {
    if (declaredTypes.isEmpty()) {
      return statement.sql();
    }
    return replaceParameters(statement, (index, placeholder) -> {
      String type = index >= 0 && index < declaredTypes.size() ? DUCKDB_TYPES.get(declaredTypes.get(index)) : null;
      if (type == null || declaredTypes.get(index) == 1700) {
        // Unspecified, text-like, or numeric without a typmod: let DuckDB infer from context.
        return null;
      }
      return "CAST(" + placeholder + " AS " + type + ")";
    });
  }

  /** What replaces the {@code $n} placeholder with this zero-based index, or null to keep it. */
  private interface Replacement {
    String forParameter(int index, String placeholder);
  }

  private static String replaceParameters(SqlStatement statement, Replacement replacement) {
    StringBuilder sql = new StringBuilder(statement.sql().length() + 32);
    int copied = 0;
    for (Token token : statement.tokens()) {
      if (token.type() != TokenType.PARAMETER) {
        continue;
      }
      String replaced = replacement.forParameter(Integer.parseInt(token.text().substring(1)) - 1, token.text());
      if (replaced == null) {
        continue;
      }
      sql.append(statement.sql(), copied, token.start()).append(replaced);
      copied = token.end();
    }
    sql.append(statement.sql(), copied, statement.sql().length());
    return sql.toString();
  }
}
