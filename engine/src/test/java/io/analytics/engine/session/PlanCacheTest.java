package io.analytics.engine.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.engine.duckdb.CatalogChanges;
import io.analytics.engine.duckdb.ParseTreeCache;
import java.sql.DriverManager;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A session's kept plans: reused for the same text, state and catalog; prepared again when any of them moved. */
class PlanCacheTest {
  private final CatalogChanges changes = new CatalogChanges();
  private BufferAllocator allocator;
  private EngineSession engine;

  @BeforeEach
  void open() throws Exception {
    allocator = new RootAllocator();
    engine = new EngineSession((DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"), allocator, 1024, Long.MAX_VALUE,
        new ParseTreeCache(1L << 20), changes);
  }

  @AfterEach
  void close() {
    engine.close();
    allocator.close();
  }

  @Test
  void theSameTextUnderTheSameStateAndCatalogGetsTheKeptStatement() {
    Object state = new Object();
    PreparedQuery first = engine.prepareKept("SELECT 42 AS answer", state);
    assertThat(single(first)).isEqualTo("42");
    first.close();
    PreparedQuery second = engine.prepareKept("SELECT 42 AS answer", state);
    assertThat(second).isSameAs(first);
    assertThat(single(second)).isEqualTo("42");
    second.close();
  }

  @Test
  void anotherSessionStateGetsAFreshStatement() {
    PreparedQuery first = engine.prepareKept("SELECT 1", new Object());
    first.close();
    PreparedQuery second = engine.prepareKept("SELECT 1", new Object());
    assertThat(second).isNotSameAs(first);
    second.close();
  }

  @Test
  void aCatalogChangeMakesTheNextPrepareDescribeTheViewAsItIsNow() {
    Object state = new Object();
    engine.execute("CREATE VIEW v AS SELECT 1 AS a");
    PreparedQuery before = engine.prepareKept("SELECT * FROM v", state);
    assertThat(before.columns()).extracting(ResultColumn::name).containsExactly("a");
    before.close();
    // Replaced through another connection, as the lake refresher or another session does, and counted.
    engine.execute("CREATE OR REPLACE VIEW v AS SELECT 'x' AS b, 2 AS c");
    PreparedQuery after = engine.prepareKept("SELECT * FROM v", state);
    assertThat(after).isNotSameAs(before);
    assertThat(after.columns()).extracting(ResultColumn::name).containsExactly("b", "c");
    assertThat(single(after)).isEqualTo("x");
    after.close();
  }

  @Test
  void anyStatementThatIsNotAKeptSelectCountsAsAChange() {
    long before = changes.version();
    try (PreparedQuery create = engine.prepare("CREATE TABLE t (i INTEGER)")) {
      create.execute(List.of()).close();
    }
    assertThat(changes.version()).isGreaterThan(before);
    long afterCreate = changes.version();
    PreparedQuery select = engine.prepareKept("SELECT count(*) FROM t", new Object());
    select.execute(List.of()).close();
    select.close();
    assertThat(changes.version()).isEqualTo(afterCreate);
  }

  @Test
  void aStatementDroppedWhileInUseStaysUsableUntilItsLastUserGivesItBack() {
    Object state = new Object();
    PreparedQuery inUse = engine.prepareKept("SELECT 7", state);
    changes.changed();
    PreparedQuery fresh = engine.prepareKept("SELECT 7", state);
    assertThat(fresh).isNotSameAs(inUse);
    assertThat(single(inUse)).isEqualTo("7");
    inUse.close();
    fresh.close();
  }

  @Test
  void atMostCapacityStatementsAreKept() {
    Object state = new Object();
    for (int i = 0; i < PlanCache.CAPACITY + 10; i++) {
      engine.prepareKept("SELECT " + i, state).close();
    }
    PreparedQuery oldest = engine.prepareKept("SELECT 0", state);
    assertThat(single(oldest)).isEqualTo("0");
    oldest.close();
  }

  private static String single(PreparedQuery query) {
    try (QueryResult result = query.execute(List.of())) {
      ResultStream stream = ((QueryResult.Rows) result).stream();
      assertThat(stream.next()).isTrue();
      return String.valueOf(stream.batch().getVector(0).getObject(0));
    }
  }
}
