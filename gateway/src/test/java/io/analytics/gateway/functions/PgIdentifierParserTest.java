package io.analytics.gateway.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** parse_ident splits, folds and refuses as PostgreSQL 15's does (answers taken from PostgreSQL 15). */
class PgIdentifierParserTest {
  @Test
  void namesAreSplitAndUnquotedOnesFolded() {
    assertThat(PgIdentifierParser.parse("Schemax.Tabley", true)).containsExactly("schemax", "tabley");
    assertThat(PgIdentifierParser.parse("\"SchemaX\".\"TableY\"", true)).containsExactly("SchemaX", "TableY");
    assertThat(PgIdentifierParser.parse("  a  .  b  ", true)).containsExactly("a", "b");
    assertThat(PgIdentifierParser.parse("\"a\"\"b\"", true)).containsExactly("a\"b");
    assertThat(PgIdentifierParser.parse("ÄbC.x", true)).containsExactly("Äbc", "x");
    assertThat(PgIdentifierParser.parse("a$b_1", true)).containsExactly("a$b_1");
    assertThat(PgIdentifierParser.parse("foo.boo[]", false)).containsExactly("foo", "boo");
  }

  @Test
  void whatIsNoQualifiedNameIs22023() {
    for (String text : new String[] {"foo.boo[]", "", "a.\"\"", "1a", "a..b", " ", "a.", "\"a"}) {
      assertThatThrownBy(() -> PgIdentifierParser.parse(text, true)).as(text).hasMessageStartingWith("[22023] string is not a valid identifier");
    }
    assertThatThrownBy(() -> PgIdentifierParser.parse("a..b", true)).hasMessageEndingWith("No valid identifier before \".\".");
    assertThatThrownBy(() -> PgIdentifierParser.parse("a.", true)).hasMessageEndingWith("No valid identifier after \".\".");
  }
}
