package io.analytics.gateway.session;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.Locale;
import java.util.Set;

/**
 * The table a write names, unqualified and lower-cased (schemas are left out on purpose: two names
 * for one table must never look like two tables): INSERT INTO t, UPDATE t, DELETE FROM t, MERGE
 * INTO t, TRUNCATE t, COPY t FROM, and the object of CREATE/DROP/ALTER. "" when it cannot tell.
 */
final class WrittenTable {
  private static final Set<String> SKIPPED = Set.of(
      "INTO", "FROM", "ONLY", "TABLE", "OR", "REPLACE", "IGNORE", "TEMP", "TEMPORARY", "UNLOGGED", "GLOBAL", "LOCAL",
      "IF", "NOT", "EXISTS", "VIEW", "SEQUENCE", "INDEX", "UNIQUE", "SCHEMA", "MACRO", "FUNCTION", "TYPE", "MATERIALIZED");

  private WrittenTable() {}

  static String of(SqlStatement statement) {
    int i = 1;
    while (i < statement.size() && SKIPPED.contains(statement.keyword(i))) {
      i++;
    }
    String name = "";
    while (i < statement.size()) {
      Token token = statement.token(i);
      if (token.type() != TokenType.WORD && token.type() != TokenType.QUOTED_IDENTIFIER) {
        break;
      }
      name = token.value().toLowerCase(Locale.ROOT);
      if (i + 1 >= statement.size() || !statement.token(i + 1).isPunctuation('.')) {
        break;
      }
      i += 2;
    }
    return name;
  }
}
