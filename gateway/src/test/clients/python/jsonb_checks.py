"""psycopg2 and psycopg 3 with json and jsonb: type OIDs, values parsed by the drivers, operators,
parameters and binary results. Run by JsonbWireTest with PGHOST/PGPORT/PGUSER/PGDATABASE set; prints
one "ok: <check>" line per check that passed and exits non-zero at the first failure.
"""
import psycopg
import psycopg.types.json
import psycopg2
import psycopg2.extras


def ok(name):
    print("ok: " + name, flush=True)


conn = psycopg2.connect("")
conn.autocommit = True
cur = conn.cursor()
cur.execute("""SELECT '{"b":1, "a":[1,2], "b":2}'::jsonb AS j, '{"b":1, "a":2}'::json AS t,
               '{"b":1, "a":[1,2]}'::jsonb::text AS s""")
row = cur.fetchone()
assert row == ({"a": [1, 2], "b": 2}, {"b": 1, "a": 2}, '{"a": [1, 2], "b": 1}'), row
assert [c.type_code for c in cur.description] == [3802, 114, 25], cur.description
ok("psycopg2 types")

cur.execute("""SELECT %s::jsonb -> 'a' ->> 1 AS second, %s::jsonb @> '{"a":[2]}' AS contains,
               %s::jsonb ? 'b' AS has_b, %s::jsonb #> '{a,0}' AS first""",
            ['{"a":[1,2]}'] * 4)
assert cur.fetchone() == ("2", True, False, 1)
ok("psycopg2 operators")

cur.execute("CREATE TEMP TABLE docs (id int, doc jsonb)")
cur.execute("INSERT INTO docs VALUES (1, %s), (2, %s)",
            (psycopg2.extras.Json({"k": "v", "n": None}), psycopg2.extras.Json([3, 1])))
cur.execute("SELECT id, doc, jsonb_typeof(doc) FROM docs ORDER BY id")
assert cur.fetchall() == [(1, {"k": "v", "n": None}, "object"), (2, [3, 1], "array")]
cur.execute("SELECT key, value FROM jsonb_each((SELECT doc FROM docs WHERE id = 1)) ORDER BY key")
assert cur.fetchall() == [("k", "v"), ("n", None)]
cur.execute("SELECT doc || '{\"x\": true}'::jsonb FROM docs WHERE id = 1")
assert cur.fetchone()[0] == {"k": "v", "n": None, "x": True}
ok("psycopg2 jsonb column")
conn.close()

with psycopg.connect("") as conn3:
    with conn3.cursor(binary=True) as cur3:
        cur3.execute("SELECT %s::jsonb AS j, '[1, {\"a\": 2}]'::jsonb -> 1 AS part",
                     [psycopg.types.json.Jsonb({"z": 1, "a": [True, None]})])
        assert cur3.fetchone() == ({"a": [True, None], "z": 1}, {"a": 2})
        assert [c.type_code for c in cur3.description] == [3802, 3802], cur3.description
ok("psycopg3 binary jsonb")
