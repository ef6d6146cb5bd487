package io.analytics.engine.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class ParseTreeCacheTest {
  private final List<String> serialized = new ArrayList<>();
  private final UnaryOperator<String> serializer = sql -> {
    serialized.add(sql);
    return "{\"tree of\": \"" + sql + "\"}";
  };

  @Test
  void aTextSeenBeforeIsNotSerializedAgain() {
    ParseTreeCache cache = new ParseTreeCache(1 << 20);
    String first = cache.get("SELECT 1", serializer);
    String second = cache.get("SELECT 1", serializer);
    assertThat(second).isEqualTo(first).isEqualTo("{\"tree of\": \"SELECT 1\"}");
    assertThat(serialized).containsExactly("SELECT 1");
  }

  @Test
  void theLeastRecentlyUsedTextsGoFirstWhenTheCharactersExceedTheBound() {
    // Each entry holds 8 + 25 characters: three fit in 100, a fourth evicts the least recently used.
    ParseTreeCache cache = new ParseTreeCache(100);
    cache.get("SELECT 1", serializer);
    cache.get("SELECT 2", serializer);
    cache.get("SELECT 3", serializer);
    cache.get("SELECT 1", serializer);
    cache.get("SELECT 4", serializer);
    cache.get("SELECT 1", serializer);
    cache.get("SELECT 2", serializer);
    assertThat(serialized).containsExactly("SELECT 1", "SELECT 2", "SELECT 3", "SELECT 4", "SELECT 2");
  }

  @Test
  void veryLongTextsAreNotKept() {
    ParseTreeCache cache = new ParseTreeCache(1 << 24);
    String longText = "SELECT " + "1 + ".repeat(10_000) + "1";
    cache.get(longText, serializer);
    cache.get(longText, serializer);
    assertThat(serialized).hasSize(2);
  }
}
