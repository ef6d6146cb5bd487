package io.analytics.gateway.pgcatalog;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * Rewrites the PostgreSQL-only syntax that psql and drivers put in their catalog queries into
 * what DuckDB parses, using the lexer's tokens (strings and comments are never touched):
 * {@code pg_catalog.x} loses its qualifier, so that the session's own catalog objects (see {@link
 * PgCatalogObjects}) are found before DuckDB's; {@code OPERATOR(pg_catalog.~)} becomes {@code ~};
 * {@code COLLATE pg_catalog.default} is dropped; casts to {@code regclass}, {@code regtype},
 * {@code regproc}, {@code regnamespace} and {@code oid} become casts to BIGINT (text given to
 * regclass is looked up by {@code pg_regclass}).
 */
public final class PgCatalogRewriter {
  private static final Set<String> OID_TYPES = Set.of("regclass", "regtype", "regproc", "regprocedure", "regnamespace", "regrole", "oid");

  private PgCatalogRewriter() {}

  /**
   * information_schema views the session replaces (see PgCatalogObjects): DuckDB's list the session's
   * own TEMP catalog objects, call the lake's datasets views, and give DuckDB's type names.
   */
  private static final Set<String> REPLACED_INFORMATION_SCHEMA = Set.of("tables", "columns", "schemata", "views",
      "table_constraints", "key_column_usage", "referential_constraints", "constraint_column_usage");

  /** Whether the statement needs rewriting at all (it names pg_catalog or information_schema, or uses OPERATOR/COLLATE/reg* casts). */
  public static boolean applies(SqlStatement statement) {
    for (Token token : statement.tokens()) {
      if (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) {
        String word = token.value();
        if (word.equals("pg_catalog") || word.equals("operator") || word.equals("information_schema") || word.equals("format")
            || OID_TYPES.contains(word) || Int2VectorColumns.isVectorName(word)) {
          return true;
        }
      }
    }
    return false;
  }

  /** Whether the token is the identifier {@code name}, quoted or not. */
  private static boolean isName(Token token, String name) {
    return (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) && token.value().equals(name);
  }

  /** Text that replaces tokens first..last (inclusive) when the rewrite reaches token first. */
  private record Replacement(int last, String text) {}

  public static String rewrite(SqlStatement statement) {
    String sql = statement.sql();
    List<Token> tokens = statement.tokens();
    StringBuilder out = new StringBuilder(sql.length());
    java.util.Map<Integer, Replacement> later = new java.util.HashMap<>();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token token = tokens.get(i);
      Replacement replacement = later.remove(i);
      if (replacement != null) {
        out.append(sql, copied, token.start()).append(replacement.text());
        copied = tokens.get(replacement.last()).end();
        i = replacement.last();
        continue;
      }
      // indkey[n] -> indkey[(n) + 1], indkey::varchar -> array_to_string(indkey, ' ')
      Int2VectorColumns.Rewrite vector = Int2VectorColumns.at(tokens, i);
      if (vector != null) {
        out.append(sql, copied, token.start()).append(vector.text());
        copied = tokens.get(vector.last()).end();
        if (vector.closeAt() >= 0) {
          later.put(vector.closeAt(), new Replacement(vector.closeAt(), vector.closeText()));
        }
        i = vector.last();
        continue;
      }
      // pg_partition_ancestors(x) WITH ORDINALITY (psql's \d of a table with triggers) -> the one row (x, 1): no partitions here
      if (token.is("pg_partition_ancestors") && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('(')) {
        int close = statement.closingParenthesis(i + 1);
        if (close > 0 && close + 2 < tokens.size() && tokens.get(close + 1).is("WITH") && tokens.get(close + 2).is("ORDINALITY")) {
          out.append(sql, copied, token.start()).append("(SELECT CAST(").append(sql, tokens.get(i + 2).start(), tokens.get(close).start())
              .append(" AS BIGINT) AS relid, CAST(1 AS BIGINT) AS depth)");
          copied = tokens.get(close + 2).end();
          i = close + 2;
          continue;
        }
      }
      // CAST(x AS regclass) -> pg_regclass(x); CAST(x AS oid) (and the other reg* types) -> CAST(x AS BIGINT)
      if (token.is("CAST") && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('(')) {
        int close = statement.closingParenthesis(i + 1);
        int typeAt = close - 1;
        int asAt = typeAt >= 2 && tokens.get(typeAt - 1).isPunctuation('.') && isName(tokens.get(typeAt - 2), "pg_catalog") ? typeAt - 3 : typeAt - 1;
        if (close > 0 && asAt > i + 1 && tokens.get(asAt).is("AS") && tokens.get(typeAt).type() == TokenType.WORD
            && OID_TYPES.contains(tokens.get(typeAt).value())) {
          if (tokens.get(typeAt).value().equals("regclass")) {
            later.put(asAt, new Replacement(typeAt, ""));
            out.append(sql, copied, token.start()).append("pg_regclass");
            copied = token.end();
          } else {
            later.put(asAt + 1, new Replacement(typeAt, "BIGINT"));
          }
          continue;
        }
      }
      // information_schema.tables and .columns -> the session's views of them
      if (isName(token, "information_schema") && i + 2 < tokens.size() && tokens.get(i + 1).isPunctuation('.')
          && (tokens.get(i + 2).type() == TokenType.WORD || tokens.get(i + 2).type() == TokenType.QUOTED_IDENTIFIER)
          && REPLACED_INFORMATION_SCHEMA.contains(tokens.get(i + 2).value())) {
        out.append(sql, copied, token.start()).append("pg_gateway_information_schema_").append(tokens.get(i + 2).value());
        copied = tokens.get(i + 2).end();
        i += 2;
        continue;
      }
      // OPERATOR(pg_catalog.~) -> ~
      if (token.is("OPERATOR") && i + 4 < tokens.size() && tokens.get(i + 1).isPunctuation('(')
          && tokens.get(i + 2).is("pg_catalog") && tokens.get(i + 3).text().startsWith(".")) {
        int close = i + 3;
        while (close < tokens.size() && !tokens.get(close).isPunctuation(')')) {
          close++;
        }
        if (close < tokens.size()) {
          StringBuilder operator = new StringBuilder(tokens.get(i + 3).text().substring(1));
          for (int j = i + 4; j < close; j++) {
            operator.append(tokens.get(j).text());
          }
          out.append(sql, copied, token.start()).append(' ').append(operator).append(' ');
          copied = tokens.get(close).end();
          i = close;
          continue;
        }
      }
      // COLLATE pg_catalog.default (or "default") -> nothing
      if (token.is("COLLATE") && i + 3 < tokens.size() && tokens.get(i + 1).is("pg_catalog")
          && tokens.get(i + 2).isPunctuation('.')) {
        out.append(sql, copied, token.start());
        copied = tokens.get(i + 3).end();
        i += 3;
        continue;
      }
      // pg_catalog.x -> x, and information_schema._pg_expandarray -> the session's macro
      boolean expandArray = isName(token, "information_schema") && i + 2 < tokens.size() && isName(tokens.get(i + 2), "_pg_expandarray");
      if ((isName(token, "pg_catalog") || expandArray) && i + 1 < tokens.size() && tokens.get(i + 1).isPunctuation('.')) {
        out.append(sql, copied, token.start());
        copied = tokens.get(i + 1).end();
        i += 1;
        continue;
      }
      // 'name'::regclass -> pg_regclass('name'); x::regtype (etc.) -> x::BIGINT
      if (token.type() == TokenType.PUNCTUATION && token.text().equals("::") && i + 1 < tokens.size()) {
        int typeAt = i + 1;
        if (tokens.get(typeAt).is("pg_catalog") && typeAt + 2 < tokens.size()) {
          typeAt += 2;
        }
        String type = tokens.get(typeAt).type() == TokenType.WORD ? tokens.get(typeAt).text().toLowerCase(java.util.Locale.ROOT) : "";
        if (type.equals("name")) {
          // PostgreSQL's identifier type (psqlODBC's 'db'::name) is text here.
          out.append(sql, copied, token.start()).append("::VARCHAR");
          copied = tokens.get(typeAt).end();
          i = typeAt;
          continue;
        }
        if (OID_TYPES.contains(type)) {
          Token previous = i > 0 ? tokens.get(i - 1) : null;
          if (type.equals("regclass") && previous != null && previous.type() == TokenType.STRING) {
            out.append(sql, copied, previous.start()).append("pg_regclass(").append(previous.text()).append(')');
          } else if (type.equals("regtype") && Int2VectorColumns.typeNamesCastAt(tokens, i, typeAt) >= copied) {
            // pgcli's proargtypes::regtype[]::text[]: the names of an oidvector's types
            int start = Int2VectorColumns.typeNamesCastAt(tokens, i, typeAt);
            out.append(sql, copied, start).append(Int2VectorColumns.typeNames(sql.substring(start, token.start())));
            copied = tokens.get(typeAt + 2).end();
            i = typeAt + 2;
            continue;
          } else if (type.equals("regtype") && previous != null && previous.type() == TokenType.STRING) {
            out.append(sql, copied, previous.start()).append(regtypeOf(previous.value()));
          } else if (type.equals("regclass") && regclassColumnStart(tokens, i, typeAt) >= copied) {
            // A relation shown as a result column (psql's "Referenced by: TABLE ...") is its name, as PostgreSQL prints a regclass.
            int start = regclassColumnStart(tokens, i, typeAt);
            out.append(sql, copied, start).append("pg_gateway_regclass_text(").append(sql, start, token.start()).append(')');
          } else if (type.startsWith("regproc") && previous != null && previous.type() == TokenType.STRING) {
            // pg_type's typinput and friends hold function names here, so 'array_in'::regproc stays a name.
            out.append(sql, copied, token.start());
          } else {
            out.append(sql, copied, token.start()).append("::BIGINT");
          }
          copied = tokens.get(typeAt).end();
          i = typeAt;
          continue;
        }
      }
    }
    out.append(sql, copied, sql.length());
    return out.toString();
  }

  /**
   * Where the column reference cast to regclass at token castAt starts, when the cast is a result
   * column ({@code r.conrelid::regclass AS ontable}), else -1.
   */
  private static int regclassColumnStart(List<Token> tokens, int castAt, int typeAt) {
    if (typeAt + 1 >= tokens.size() || !tokens.get(typeAt + 1).is("AS") || castAt < 1) {
      return -1;
    }
    Token column = tokens.get(castAt - 1);
    if (column.type() != TokenType.WORD && column.type() != TokenType.QUOTED_IDENTIFIER) {
      return -1;
    }
    boolean qualified = castAt >= 3 && tokens.get(castAt - 2).text().equals(".")
        && (tokens.get(castAt - 3).type() == TokenType.WORD || tokens.get(castAt - 3).type() == TokenType.QUOTED_IDENTIFIER);
    return qualified ? tokens.get(castAt - 3).start() : column.start();
  }

  /** PostgreSQL's pseudo-types, which are not in the registry's pg_type, by their fixed OIDs. */
  private static final java.util.Map<String, Integer> PSEUDO_TYPES = java.util.Map.of(
      "trigger", 2279, "void", 2278, "record", 2249, "cstring", 2275, "any", 2276, "anyarray", 2277, "internal", 2281,
      "anyelement", 2283, "event_trigger", 3838, "unknown", 705);

  /** 'name'::regtype: the type's OID from pg_type (psql and pgcli compare with 'trigger'::regtype), else a pseudo-type's. */
  private static String regtypeOf(String name) {
    String lower = name.strip().toLowerCase(java.util.Locale.ROOT);
    Integer pseudo = PSEUDO_TYPES.get(lower);
    if (pseudo != null) {
      return "CAST(" + pseudo + " AS BIGINT)";
    }
    return "(SELECT CAST(oid AS BIGINT) FROM pg_type WHERE typname = '" + lower.replace("'", "''") + "')";
  }
}
