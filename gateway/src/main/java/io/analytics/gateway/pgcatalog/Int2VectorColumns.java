package io.analytics.gateway.pgcatalog;

import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.List;
import java.util.Set;

/**
 * pg_index's int2vector and oidvector columns (indkey, indoption, indclass, indcollation) are lists
 * here, so that {@code = ANY(indkey)}, unnest and pgjdbc's _pg_expandarray work; what differs is
 * rewritten: PostgreSQL subscripts a vector from 0 (psqlODBC's {@code i.indkey[ia.attnum-1]}), a
 * list from 1, and a vector's text is its elements separated by spaces (SQLAlchemy's
 * {@code ix.indkey::varchar} and psqlODBC's {@code SELECT i.indkey} split it), a list's is "[1, 2]".
 * A select list reading one whole answers PostgreSQL's type, int2vector or oidvector, with that text
 * (psqlODBC's SQLStatistics converts indkey by its type into a vector of shorts).
 */
final class Int2VectorColumns {
  static final Set<String> NAMES = Set.of("indkey", "indoption", "indclass", "indcollation");
  /** Their PostgreSQL types: a select list reading one whole answers it (see gateway.types.VectorType). */
  private static final Set<String> OID_VECTORS = Set.of("indclass", "indcollation");
  /** pg_proc.proargtypes, an oidvector kept as its text here (see PgFunctionCatalog). */
  private static final String PROARGTYPES = "proargtypes";
  private static final Set<String> TEXT_TYPES = Set.of("varchar", "text");

  private Int2VectorColumns() {}

  /**
   * A rewrite of tokens from..last into text; when closeAt is not negative, token closeAt (the
   * subscript's closing bracket) becomes closeText.
   */
  record Rewrite(int last, String text, int closeAt, String closeText) {}

  /** The rewrite of a vector column (optionally qualified) that starts at token i, or null. */
  static Rewrite at(List<Token> tokens, int i) {
    int nameAt = i;
    if (i + 2 < tokens.size() && isWord(tokens.get(i)) && tokens.get(i + 1).text().equals(".") && isVector(tokens.get(i + 2))) {
      nameAt = i + 2;
    } else if (!isVector(tokens.get(i))) {
      return null;
    }
    String column = join(tokens, i, nameAt);
    if (tokens.get(nameAt).value().equals(PROARGTYPES)) {
      return isSelectListItem(tokens, i, nameAt)
          ? new Rewrite(nameAt, "union_value(oidvector := " + column + ") AS " + tokens.get(nameAt).text(), -1, null) : null;
    }
    if (nameAt + 1 < tokens.size() && tokens.get(nameAt + 1).isPunctuation('[')) {
      int close = io.analytics.gateway.sql.SqlStatement.closingBracket(tokens, nameAt + 1);
      return close < 0 ? null : new Rewrite(nameAt + 1, column + "[(", close, ") + 1]");
    }
    if (isSelectListItem(tokens, i, nameAt)) {
      String type = OID_VECTORS.contains(tokens.get(nameAt).value()) ? "oidvector" : "int2vector";
      return new Rewrite(nameAt, "union_value(" + type + " := array_to_string(" + column + ", ' ')) AS " + tokens.get(nameAt).text(),
          -1, null);
    }
    if (nameAt + 2 < tokens.size() && tokens.get(nameAt + 1).text().equals("::")
        && tokens.get(nameAt + 2).type() == TokenType.WORD && TEXT_TYPES.contains(tokens.get(nameAt + 2).value())) {
      return new Rewrite(nameAt + 2, "array_to_string(" + column + ", ' ')", -1, null);
    }
    return null;
  }

  /**
   * Whether tokens from..to are a whole, unnamed item of a select list (psqlODBC's {@code SELECT
   * c.relname, i.indkey, ...} reads the vector's text): after SELECT or a comma, before a comma or
   * FROM. A named one ({@code i.indoption AS i_indoption}, pgjdbc's) is subscripted by its reader.
   */
  private static boolean isSelectListItem(List<Token> tokens, int from, int to) {
    if (from == 0 || to + 1 >= tokens.size()) {
      return false;
    }
    Token before = tokens.get(from - 1);
    Token after = tokens.get(to + 1);
    return (before.is("SELECT") || before.isPunctuation(','))
        && (after.isPunctuation(',') || after.is("FROM"));
  }

  private static boolean isWord(Token token) {
    return token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER;
  }

  private static boolean isVector(Token token) {
    return isWord(token) && isVectorName(token.value());
  }

  /**
   * Where the column cast at token castAt starts when the cast is pg_proc's {@code
   * [p.]proargtypes::regtype[]} (or proallargtypes), else -1.
   */
  static int typeNamesCastAt(List<Token> tokens, int castAt, int typeAt) {
    if (castAt < 1 || typeAt + 2 >= tokens.size() || !tokens.get(typeAt + 1).isPunctuation('[')
        || !tokens.get(typeAt + 2).isPunctuation(']')) {
      return -1;
    }
    Token column = tokens.get(castAt - 1);
    if (!isWord(column) || !(column.value().equals(PROARGTYPES) || column.value().equals("proallargtypes"))) {
      return -1;
    }
    boolean qualified = castAt >= 3 && tokens.get(castAt - 2).text().equals(".") && isWord(tokens.get(castAt - 3));
    return qualified ? tokens.get(castAt - 3).start() : column.start();
  }

  /**
   * The type names of proargtypes (an oidvector's text here) or proallargtypes (a list of OIDs), as
   * PostgreSQL's regtype[] prints them; NULL stays NULL.
   */
  static String typeNames(String column) {
    String oids = column.endsWith("proallargtypes") ? column
        : "list_transform(list_filter(string_split(" + column + ", ' '), lambda t: t <> ''), lambda t: CAST(t AS BIGINT))";
    return "list_transform(" + oids + ", lambda t: format_type(t, NULL))";
  }

  /** Whether a column of this name is one of pg_index's or pg_proc's vectors. */
  static boolean isVectorName(String name) {
    return NAMES.contains(name) || name.equals(PROARGTYPES);
  }

  private static String join(List<Token> tokens, int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i <= to; i++) {
      text.append(tokens.get(i).text());
    }
    return text.toString();
  }
}
