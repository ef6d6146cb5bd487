-- Column defaults and check expressions: the lake has none.
CREATE OR REPLACE TEMP MACRO pg_get_expr(expression, relation) AS CAST(NULL AS VARCHAR), (expression,
    relation, pretty) AS CAST(NULL AS VARCHAR);
