package io.analytics.gateway.pgcatalog;

import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * PostgreSQL's {@code ::} casts to types DuckDB lacks: {@code 'name'::regclass} becomes {@code
 * pg_regclass('name')}, {@code 'int4'::regtype} the type's OID, a relation column cast to regclass
 * in the select list its name, {@code x::regtype} (and the other reg* types, and oid) {@code
 * x::BIGINT}, and {@code ::name} (PostgreSQL's identifier type) {@code ::VARCHAR}. A {@code
 * pg_catalog.} qualifier on the type is allowed.
 */
final class DoubleColonCasts implements CatalogRewriteRule {
  /** PostgreSQL's pseudo-types, which are not in the registry's pg_type, by their fixed OIDs. */
  private static final Map<String, Integer> PSEUDO_TYPES = Map.of(
      "trigger", 2279, "void", 2278, "record", 2249, "cstring", 2275, "any", 2276, "anyarray", 2277, "internal", 2281,
      "anyelement", 2283, "event_trigger", 3838, "unknown", 705);

  @Override
  public int apply(CatalogTokenRewrite rewrite, int at) {
    Token token = rewrite.token(at);
    if (token.type() != TokenType.PUNCTUATION || !token.text().equals("::") || at + 1 >= rewrite.size()) {
      return NO_MATCH;
    }
    int typeAt = at + 1;
    if (rewrite.token(typeAt).is("pg_catalog") && typeAt + 2 < rewrite.size()) {
      typeAt += 2;
    }
    Token typeToken = rewrite.token(typeAt);
    String type = typeToken.type() == TokenType.WORD ? typeToken.text().toLowerCase(Locale.ROOT) : "";
    if (type.equals("name")) {
      // PostgreSQL's identifier type (psqlODBC's 'db'::name) is text here.
      rewrite.replace(token.start(), "::VARCHAR", typeToken.end());
      return typeAt;
    }
    if (!PgCatalogRewriter.OID_TYPES.contains(type)) {
      return NO_MATCH;
    }
    return castToOidType(rewrite, at, typeAt, type);
  }

  private static int castToOidType(CatalogTokenRewrite rewrite, int at, int typeAt, String type) {
    List<Token> tokens = rewrite.tokens();
    String sql = rewrite.sql();
    Token token = tokens.get(at);
    Token previous = at > 0 ? tokens.get(at - 1) : null;
    boolean afterString = previous != null && previous.type() == TokenType.STRING;
    int end = tokens.get(typeAt).end();
    if (type.equals("regclass") && afterString) {
      rewrite.replace(previous.start(), "pg_regclass(" + previous.text() + ")", end);
    } else if (type.equals("regtype") && Int2VectorColumns.typeNamesCastAt(tokens, at, typeAt) >= rewrite.copied()) {
      // pgcli's proargtypes::regtype[]::text[]: the names of an oidvector's types
      int start = Int2VectorColumns.typeNamesCastAt(tokens, at, typeAt);
      rewrite.replace(start, Int2VectorColumns.typeNames(sql.substring(start, token.start())), tokens.get(typeAt + 2).end());
      return typeAt + 2;
    } else if (type.equals("regtype") && afterString) {
      rewrite.replace(previous.start(), regtypeOf(previous.value()), end);
    } else if (type.equals("regclass") && regclassColumnStart(tokens, at, typeAt) >= rewrite.copied()) {
      // A relation shown as a result column (psql's "Referenced by: TABLE ...") is its name, as PostgreSQL prints a regclass.
      int start = regclassColumnStart(tokens, at, typeAt);
      rewrite.replace(start, "pg_gateway_regclass_text(" + sql.substring(start, token.start()) + ")", end);
    } else if (type.startsWith("regproc") && afterString) {
      // pg_type's typinput and friends hold function names here, so 'array_in'::regproc stays a name.
      rewrite.replace(token.start(), "", end);
    } else {
      rewrite.replace(token.start(), "::BIGINT", end);
    }
    return typeAt;
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
    if (!CatalogTokenRewrite.isIdentifier(column)) {
      return -1;
    }
    boolean qualified = castAt >= 3 && tokens.get(castAt - 2).text().equals(".")
        && CatalogTokenRewrite.isIdentifier(tokens.get(castAt - 3));
    return qualified ? tokens.get(castAt - 3).start() : column.start();
  }

  /** 'name'::regtype: the type's OID from pg_type (psql and pgcli compare with 'trigger'::regtype), else a pseudo-type's. */
  private static String regtypeOf(String name) {
    String lower = name.strip().toLowerCase(Locale.ROOT);
    Integer pseudo = PSEUDO_TYPES.get(lower);
    if (pseudo != null) {
      return "CAST(" + pseudo + " AS BIGINT)";
    }
    return "(SELECT CAST(oid AS BIGINT) FROM pg_type WHERE typname = '" + lower.replace("'", "''") + "')";
  }
}
