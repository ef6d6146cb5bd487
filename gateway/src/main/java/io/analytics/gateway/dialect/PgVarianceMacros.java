package io.analytics.gateway.dialect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * and 0 otherwise.
 */
public final class PgVarianceMacros {
  static final String VARIANCE = "pg_gateway_variance";
  static final String VAR_SAMP = "pg_gateway_var_samp";
  static final String VAR_POP = "pg_gateway_var_pop";
  static final String STDDEV = "pg_gateway_stddev";
  static final String STDDEV_SAMP = "pg_gateway_stddev_samp";
  static final String STDDEV_POP = "pg_gateway_stddev_pop";

  /** One aggregate: its PostgreSQL name, its macro and DuckDB's double aggregate. */
  private record Form(String name, String macro, String duckDb) {}

  static final Map<String, String> MACROS = Map.of(
      "variance", VARIANCE, "var_samp", VAR_SAMP, "var_pop", VAR_POP, "stddev", STDDEV, "stddev_samp", STDDEV_SAMP,
      "stddev_pop", STDDEV_POP);
  private static final List<Form> FORMS = List.of(
      new Form("variance", VARIANCE, "var_samp"), new Form("var_samp", VAR_SAMP, "var_samp"), new Form("var_pop", VAR_POP, "var_pop"),
      new Form("stddev", STDDEV, "stddev_samp"), new Form("stddev_samp", STDDEV_SAMP, "stddev_samp"),
      new Form("stddev_pop", STDDEV_POP, "stddev_pop"));

  private PgVarianceMacros() {}

  public static List<String> statements() {
    List<String> statements = new ArrayList<>();
    for (Form form : FORMS) {
      String doubles = form.duckDb() + "(x)" + (form.duckDb().endsWith("_pop") ? " + 0 * max(x)" : "");
      String refused = refusal(form.name());
      statements.add("CREATE OR REPLACE TEMP MACRO " + form.macro() + "(x DOUBLE) AS " + doubles + ", (x) AS " + form.duckDb() + "(x), "
          + "(x, y SMALLINT) AS " + refused + ", (x, y INTEGER) AS " + refused + ", (x, y BIGINT) AS " + refused
          + ", (x, y DECIMAL(38,0)) AS " + refused + ", (x, y DOUBLE) AS " + doubles + ", (x, y) AS " + form.duckDb() + "(x)");
    }
    return statements;
  }

  /** An aggregate (count) that raises 0A000 for every group, typed numeric as PostgreSQL's answer would be. */
  private static String refusal(String name) {
    return "CASE WHEN count(x) >= 0 THEN CAST(error('" + name + " of an integer or numeric is not supported by the gateway: "
        + "PostgreSQL answers an exact numeric whose scale varies by value, which a DuckDB column cannot show; cast the argument "
        + "to double precision (" + name + "(x::float8)) for a float8 answer') AS DECIMAL(38,20)) END";
  }
}
