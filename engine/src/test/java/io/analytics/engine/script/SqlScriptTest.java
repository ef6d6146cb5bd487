package io.analytics.engine.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.analytics.catalog.error.PlatformException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SqlScriptTest {
  @Test
  void splitsAtSemicolonsOutsideQuotesCommentsAndDollarQuotes() {
    List<String> statements = SqlScript.split(
        "SELECT 'a;b'; -- c;d\nSELECT \"x;y\" FROM t; /* ; */ SELECT $$;$$;\n-- only a comment;\n");
    assertThat(statements).containsExactly("SELECT 'a;b'", "-- c;d\nSELECT \"x;y\" FROM t", "/* ; */ SELECT $$;$$");
  }

  @Test
  void variablesAreInterpolatedAsPsqlDoes() {
    ScriptVariables variables = ScriptVariables.parse(List.of("day=2024-01-02", "table=bronze.trades", "n=10", "col=Odd \"Name"));
    assertThat(variables.substitute("SELECT :\"col\" FROM :table WHERE date = :'day'::date LIMIT :n"))
        .isEqualTo("SELECT \"Odd \"\"Name\" FROM bronze.trades WHERE date = '2024-01-02'::date LIMIT 10");
  }

  @Test
  void aQuotedValueCannotEndItsLiteral() {
    ScriptVariables variables = ScriptVariables.parse(List.of("symbol=x' OR '1'='1"));
    assertThat(variables.substitute("SELECT * FROM t WHERE symbol = :'symbol'"))
        .isEqualTo("SELECT * FROM t WHERE symbol = 'x'' OR ''1''=''1'");
  }

  @Test
  void nothingIsInterpolatedInsideQuotesCommentsDollarBodiesOrCasts() {
    ScriptVariables variables = ScriptVariables.parse(List.of("a=1"));
    String script = "SELECT ':a', \":a\", $$ :a $$, x::int, arr[1:2] -- :a\n/* :a */";
    assertThat(variables.substitute(script)).isEqualTo(script);
  }

  @Test
  void queriesMigrationsAndFoldersAreNotInterpolated() {
    assertThat(ScriptVariables.none().substitute("SELECT :missing")).isEqualTo("SELECT :missing");
  }

  @Test
  void anUnsetVariableIsAnErrorNamingIt() {
    ScriptVariables variables = new ScriptVariables(Map.of("a", "1"));
    assertThatThrownBy(() -> variables.substitute("SELECT :a, :'missing'"))
        .isInstanceOf(PlatformException.class)
        .hasMessageContaining("missing")
        .hasMessageContaining("-v missing=VALUE");
  }

  @Test
  void aMalformedAssignmentIsRefused() {
    assertThatThrownBy(() -> ScriptVariables.parse(List.of("no-equals-sign"))).hasMessageContaining("NAME=VALUE");
  }

  @Test
  void aValueMayContainEqualsSignsAndBeEmpty() {
    assertThat(ScriptVariables.parse(List.of("f=a=b", "e=")).values()).containsEntry("f", "a=b").containsEntry("e", "");
  }
}
