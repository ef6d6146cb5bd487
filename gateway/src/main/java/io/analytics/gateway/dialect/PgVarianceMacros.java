package io.analytics.gateway.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The session's TEMP macros behind {@link AggregateResultTypes} for the variances and standard
 * deviations. PostgreSQL computes them of integers and numerics as exact numerics shown with a scale
 * of their own per value (numeric.c's select_div_scale); DuckDB computes doubles, typed float8, so
 * drivers got a double where PostgreSQL gives a decimal, with other digits. A DuckDB column has one
 * scale, so PostgreSQL's answer cannot be shown; the integer and DECIMAL overloads refuse with
 * 0A000, hinting at a float8 cast ({@code stddev(x::float8)} is PostgreSQL's float8 aggregate too).
 * Called as {@code f(x, x)}, the second copy picks the overload by x's type (a typed parameter
 * casts its argument). Doubles keep DuckDB's aggregate, with PostgreSQL's NaN for the population
 * forms of one infinite or NaN value (DuckDB answered 0): {@code 0 * max(x)} is NaN exactly then,
 * and 0 otherwise. Window calls ({@code f(x, x) OVER (...)}) have macros of their own, each body
 * around one aggregate (DuckDB's condition for a window macro): integers and numerics refused as
 * above, doubles DuckDB's window aggregate.
 */
public final class PgVarianceMacros {
  /** One aggregate: its PostgreSQL name and DuckDB's double aggregate. */
  private record Form(String name, String duckDb) {
    String macro() {
      return "pg_gateway_" + name;
    }

    String windowMacro() {
      return "pg_gateway_window_" + name;
    }
  }

  private static final List<Form> FORMS = List.of(
      new Form("variance", "var_samp"), new Form("var_samp", "var_samp"), new Form("var_pop", "var_pop"),
      new Form("stddev", "stddev_samp"), new Form("stddev_samp", "stddev_samp"), new Form("stddev_pop", "stddev_pop"));
  /** The aggregates' macros by their PostgreSQL names. */
  static final Map<String, String> MACROS = FORMS.stream().collect(Collectors.toUnmodifiableMap(Form::name, Form::macro));
  /** The macros of their window calls, by their PostgreSQL names. */
  static final Map<String, String> WINDOW_MACROS = FORMS.stream().collect(Collectors.toUnmodifiableMap(Form::name, Form::windowMacro));
  private static final String[] REFUSED = {"x, y SMALLINT", "x, y INTEGER", "x, y BIGINT", "x, y DECIMAL(38,0)"};

  private PgVarianceMacros() {}

  public static List<String> statements() {
    List<String> statements = new ArrayList<>();
    for (Form form : FORMS) {
      String doubles = form.duckDb() + "(x)" + (form.duckDb().endsWith("_pop") ? " + 0 * max(x)" : "");
      String refused = refusal(form.name());
      statements.add(FloatOnlyMacro.named(form.macro()).answering("x DOUBLE", doubles).answering("x", form.duckDb() + "(x)")
          .refusing(refused, REFUSED).answering("x, y DOUBLE", doubles).answering("x, y", form.duckDb() + "(x)").statement());
      statements.add(FloatOnlyMacro.named(form.windowMacro()).refusing(refused, REFUSED)
          .answering("x, y DOUBLE", form.duckDb() + "(x)").answering("x, y", form.duckDb() + "(x)").statement());
    }
    return statements;
  }

  /** An aggregate (count) that raises 0A000 for every group or window frame, typed numeric as PostgreSQL's answer would be. */
  private static String refusal(String name) {
    return "CASE WHEN count(x) >= 0 THEN " + FloatOnlyMacro.refusal(name + " of an integer or numeric", "PostgreSQL answers an exact "
        + "numeric whose scale varies by value, which a DuckDB column cannot show", name, "DECIMAL(38,20)") + " END";
  }
}
