package io.analytics.gateway.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import io.analytics.gateway.sql.SqlStatement;
import org.junit.jupiter.api.Test;

class CursorStatementsTest {
  @Test
  void declareTakesNameOptionsAndQuery() {
    SessionCommand.DeclareCursor declare = (SessionCommand.DeclareCursor) parse(
        "DECLARE \"SQL_CUR0x1\" BINARY NO SCROLL CURSOR WITH HOLD FOR SELECT a, 'for' FROM t");
    assertThat(declare.name()).isEqualTo("SQL_CUR0x1");
    assertThat(declare.binary()).isTrue();
    assertThat(declare.hold()).isTrue();
    assertThat(declare.query().sql()).isEqualTo("SELECT a, 'for' FROM t");
    SessionCommand.DeclareCursor plain = (SessionCommand.DeclareCursor) parse("declare C cursor without hold for select 1");
    assertThat(plain.name()).isEqualTo("c");
    assertThat(plain.hold()).isFalse();
  }

  @Test
  void fetchAndMoveReadForward() {
    assertThat(parse("FETCH c")).isEqualTo(new SessionCommand.FetchCursor("c", 1, false));
    assertThat(parse("FETCH NEXT FROM c")).isEqualTo(new SessionCommand.FetchCursor("c", 1, false));
    assertThat(parse("FETCH 100 IN c")).isEqualTo(new SessionCommand.FetchCursor("c", 100, false));
    assertThat(parse("FETCH FORWARD 5 FROM \"Big\"")).isEqualTo(new SessionCommand.FetchCursor("Big", 5, false));
    assertThat(parse("FETCH ALL FROM c")).isEqualTo(new SessionCommand.FetchCursor("c", 0, false));
    assertThat(parse("FETCH FORWARD ALL c")).isEqualTo(new SessionCommand.FetchCursor("c", 0, false));
    assertThat(parse("MOVE 10 IN c")).isEqualTo(new SessionCommand.FetchCursor("c", 10, true));
  }

  @Test
  void everyDirectionOfPostgresParses() {
    assertThat(parse("FETCH PRIOR FROM c")).isEqualTo(fetch(SessionCommand.FetchDirection.BACKWARD, 1, false));
    assertThat(parse("FETCH FIRST c")).isEqualTo(fetch(SessionCommand.FetchDirection.ABSOLUTE, 1, false));
    assertThat(parse("FETCH LAST IN c")).isEqualTo(fetch(SessionCommand.FetchDirection.ABSOLUTE, -1, false));
    assertThat(parse("FETCH ABSOLUTE -2 FROM c")).isEqualTo(fetch(SessionCommand.FetchDirection.ABSOLUTE, -2, false));
    assertThat(parse("MOVE RELATIVE 3 c")).isEqualTo(fetch(SessionCommand.FetchDirection.RELATIVE, 3, true));
    assertThat(parse("FETCH BACKWARD 4 c")).isEqualTo(fetch(SessionCommand.FetchDirection.BACKWARD, 4, false));
    assertThat(parse("FETCH BACKWARD ALL c")).isEqualTo(fetch(SessionCommand.FetchDirection.BACKWARD, 0, false));
    assertThat(parse("MOVE -1 FROM c")).as("psycopg2's scroll(-1)").isEqualTo(fetch(SessionCommand.FetchDirection.BACKWARD, 1, true));
    assertThat(parse("FETCH BACKWARD -2 c")).isEqualTo(fetch(SessionCommand.FetchDirection.FORWARD, 2, false));
    assertThat(parse("FETCH 0 c")).as("the current row again").isEqualTo(fetch(SessionCommand.FetchDirection.RELATIVE, 0, false));
    assertThat(parse("FETCH FORWARD 0 c")).isEqualTo(fetch(SessionCommand.FetchDirection.RELATIVE, 0, false));
  }

  @Test
  void scrollIsDeclaredOrNot() {
    assertThat(((SessionCommand.DeclareCursor) parse("DECLARE c SCROLL CURSOR FOR SELECT 1")).scroll()).isTrue();
    assertThat(((SessionCommand.DeclareCursor) parse("DECLARE c NO SCROLL CURSOR FOR SELECT 1")).scroll()).isFalse();
    assertThat(((SessionCommand.DeclareCursor) parse("DECLARE c CURSOR FOR SELECT 1")).scroll()).isFalse();
  }

  private static SessionCommand fetch(SessionCommand.FetchDirection direction, long count, boolean move) {
    return new SessionCommand.FetchCursor("c", count, move, direction);
  }

  @Test
  void malformedStatementsAreSyntaxErrors() {
    for (String sql : new String[] {"DECLARE c CURSOR", "DECLARE c CURSOR WITH FOR SELECT 1", "FETCH 2 FROM", "CLOSE", "CLOSE a b",
        "FETCH 2 FROM c extra", "DECLARE CURSOR FOR SELECT 1", "FETCH ABSOLUTE FROM c"}) {
      assertThatThrownBy(() -> parse(sql)).as(sql).isInstanceOfSatisfying(PlatformException.class,
          e -> assertThat(e.sqlState().code()).isEqualTo("42601"));
    }
  }

  @Test
  void closeNamesOneCursorOrAll() {
    assertThat(parse("CLOSE c")).isEqualTo(new SessionCommand.CloseCursor("c"));
    assertThat(parse("CLOSE ALL")).isEqualTo(new SessionCommand.CloseCursor(null));
  }

  private static SessionCommand parse(String sql) {
    return SessionCommandParser.parse(SqlStatement.parse(sql)).orElseThrow();
  }
}
