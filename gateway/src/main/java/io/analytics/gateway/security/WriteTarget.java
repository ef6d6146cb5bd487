package io.analytics.gateway.security;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.sql.Token;
import io.analytics.gateway.sql.TokenType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The object a writing statement changes, read from its tokens: {@code INSERT INTO x}, {@code
 * UPDATE x}, {@code DELETE FROM x}, {@code MERGE INTO x}, {@code TRUNCATE x}, {@code CREATE [OR
 * REPLACE] [TEMP] kind [IF NOT EXISTS] x}, {@code DROP|ALTER kind [IF EXISTS] x}, {@code COMMENT ON
 * kind x}; a CREATE INDEX targets the table after ON.
 *
 * @param kind TABLE, VIEW, SCHEMA, ... (TABLE for row changes)
 * @param schema the schema written before the name, or empty
 */
public record WriteTarget(String kind, String schema, String name) {
  private static final Set<String> SKIPPED = Set.of(
      "OR", "REPLACE", "IGNORE", "TEMP", "TEMPORARY", "PERSISTENT", "UNIQUE", "IF", "NOT", "EXISTS", "MATERIALIZED",
      "CONSTRAINT");

  /** The target, or null when the statement's shape is not recognized (DuckDB will judge it). */
  public static WriteTarget of(SqlStatement statement) {
    int at = mainKeyword(statement);
    if (at < 0) {
      return null;
    }
    String keyword = statement.keyword(at);
    return switch (keyword) {
      case "INSERT", "MERGE" -> named("TABLE", statement, indexOfWord(statement, at, "INTO") + 1);
      case "UPDATE" -> named("TABLE", statement, at + 1);
      case "DELETE" -> named("TABLE", statement, indexOfWord(statement, at, "FROM") + 1);
      case "TRUNCATE" -> named("TABLE", statement, statement.keyword(at + 1).equals("TABLE") ? at + 2 : at + 1);
      case "COMMENT" -> objectAfterKind(statement, indexOfWord(statement, at, "ON") + 1);
      default -> objectAfterKind(statement, at + 1);
    };
  }

  private static WriteTarget objectAfterKind(SqlStatement statement, int at) {
    while (SKIPPED.contains(statement.keyword(at))) {
      at++;
    }
    String kind = statement.keyword(at);
    if (kind.isEmpty()) {
      return null;
    }
    at++;
    while (SKIPPED.contains(statement.keyword(at))) {
      at++;
    }
    if (kind.equals("INDEX")) {
      return named("TABLE", statement, indexOfWord(statement, at, "ON") + 1);
    }
    return named(kind, statement, at);
  }

  private static WriteTarget named(String kind, SqlStatement statement, int at) {
    if (at <= 0) {
      return null;
    }
    List<String> parts = new ArrayList<>();
    for (int i = at; i < statement.size(); i++) {
      Token token = statement.token(i);
      if (token.type() == TokenType.WORD || token.type() == TokenType.QUOTED_IDENTIFIER) {
        parts.add(token.value());
        if (i + 1 < statement.size() && statement.token(i + 1).isPunctuation('.')) {
          i++;
          continue;
        }
      }
      break;
    }
    if (parts.isEmpty()) {
      return null;
    }
    String name = parts.get(parts.size() - 1);
    String schema = parts.size() >= 2 ? parts.get(parts.size() - 2) : "";
    return new WriteTarget(kind, schema, name);
  }

  private static int mainKeyword(SqlStatement statement) {
    return statement.indexOfTopLevelKeyword(
        0, Set.of("INSERT", "UPDATE", "DELETE", "MERGE", "TRUNCATE", "CREATE", "DROP", "ALTER", "COMMENT"));
  }

  private static int indexOfWord(SqlStatement statement, int from, String word) {
    for (int i = from; i < statement.size(); i++) {
      if (statement.keyword(i).equals(word)) {
        return i;
      }
    }
    return -1;
  }
}
