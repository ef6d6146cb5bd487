package io.analytics.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import io.analytics.gateway.sql.SqlStatement;
import io.analytics.gateway.types.DeclaredColumnType;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Literals with trailing blanks stored into char(n) and varchar(n) columns are stored as PostgreSQL stores them. */
class StoredCharacterLiteralsTest {
  private final List<List<String>> lookedUp = new ArrayList<>();
  private final StoredCharacterLiterals stage = new StoredCharacterLiterals(name -> {
    lookedUp.add(name);
    if (!name.get(name.size() - 1).equals("t")) {
      return null;
    }
    return List.of(new StoredCharacterLiterals.Column("id", null), new StoredCharacterLiterals.Column("c", DeclaredColumnType.bpchar(4)),
        new StoredCharacterLiterals.Column("v", DeclaredColumnType.varchar(4)), new StoredCharacterLiterals.Column("x", null));
  });

  private String translate(String sql) {
    return stage.apply(SqlStatement.parse(sql)).sql();
  }

  @Test
  void charValuesLoseTheirTrailingBlanksAndVarcharValuesTheBlanksBeyondTheLength() {
    assertThat(translate("INSERT INTO t VALUES (1, 'ab  ', 'abcd    ', 'x  '), (2, 'a b ', 'ab  ', 'y')"))
        .isEqualTo("INSERT INTO t VALUES (1, 'ab', 'abcd', 'x  '), (2, 'a b', 'ab  ', 'y')");
    assertThat(translate("insert into public.T as z (v, c) values ('it''s    ', E'q\\'  ') returning *"))
        .isEqualTo("insert into public.T as z (v, c) values ('it''s', 'q''') returning *");
    assertThat(lookedUp.get(1)).containsExactly("public", "t");
    assertThat(translate("UPDATE ONLY t SET c = 'x   ', \"V\" = 'abcd  ', x = 'y  ' WHERE c = 'z  '"))
        .isEqualTo("UPDATE ONLY t SET c = 'x', \"V\" = 'abcd', x = 'y  ' WHERE c = 'z  '");
  }

  @Test
  void valuesThatDoNotFitAreLeftForTheCheckToRefuse() {
    assertThat(StoredCharacterLiterals.stored("abcde  ", DeclaredColumnType.bpchar(4))).isEqualTo("abcde  ");
    assertThat(StoredCharacterLiterals.stored("abcde  ", DeclaredColumnType.varchar(4))).isEqualTo("abcde  ");
    assertThat(StoredCharacterLiterals.stored("ab  ", DeclaredColumnType.varchar(-1))).isEqualTo("ab  ");
    assertThat(StoredCharacterLiterals.stored("ab  ", new DeclaredColumnType(io.analytics.gateway.types.PgTypes.BPCHAR, -1))).isEqualTo("ab");
  }

  @Test
  void otherStatementsAreNotLookedUp() {
    for (String sql : new String[] {"INSERT INTO t VALUES (1, 'ab', 'cd', 'x')", "SELECT 'ab  '", "UPDATE t SET c = 'ab'",
        "INSERT INTO t SELECT 1, 'ab  ', 'cd', 'x'"}) {
      assertThat(translate(sql)).as(sql).isEqualTo(sql);
    }
    assertThat(lookedUp).isEmpty();
    assertThat(translate("INSERT INTO u VALUES ('ab  ')")).isEqualTo("INSERT INTO u VALUES ('ab  ')");
    assertThat(translate("INSERT INTO t (id, nope) VALUES (1, 'ab  ')")).isEqualTo("INSERT INTO t (id, nope) VALUES (1, 'ab  ')");
  }
}
