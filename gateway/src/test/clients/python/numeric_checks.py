"""psycopg2 with numeric answers that were silently wrong: the same statements on the gateway
(PGHOST/PGPORT/...) and on PostgreSQL 15 (REFERENCE_DSN) give the same Decimals, type OIDs and
SQLSTATEs. Run by NumericWireTest; prints one "ok: <check>" line per check that passed and exits
non-zero at the first failure.
"""
import decimal
import os

import psycopg2

NUMERIC = 1700


def ok(name):
    print("ok: " + name, flush=True)


def answer(conn, sql):
    cur = conn.cursor()
    try:
        cur.execute(sql)
        return [c.type_code for c in cur.description], cur.fetchall()
    except psycopg2.Error as e:
        return "ERROR " + e.pgcode
    finally:
        conn.rollback()


gateway = psycopg2.connect("")
reference = psycopg2.connect(os.environ["REFERENCE_DSN"])

for sql in ["SELECT 70.0 / 70, 1::numeric / 3", "SELECT sqrt(2.0), exp(1.0), ln(2.0), log(2.0, 64.0)",
            "SELECT power(1.5, 3), 3.789 ^ 21.0000000000000000, (-1.0) ^ 2147483646", "SELECT sqrt(4), power(2, 3)",
            "SELECT avg(x), avg(x::numeric(12,4)) FROM (VALUES (1.5::numeric(10,2)), (2.25), (7)) v(x)"]:
    mine, theirs = answer(gateway, sql), answer(reference, sql)
    assert mine == theirs, (sql, mine, theirs)
    # Decimals compare equal whatever their exponent: their text must match too
    assert [str(v) for v in mine[1][0]] == [str(v) for v in theirs[1][0]], (sql, mine, theirs)
types, rows = answer(gateway, "SELECT 1::numeric / 3")
assert types == [NUMERIC] and rows[0][0] == decimal.Decimal("0.33333333333333333333"), (types, rows)
ok("psycopg2 exact numerics")

for sql in ["SELECT power(-2.0, 3.3)", "SELECT ln(0.0)", "SELECT 1.0 / 0"]:
    mine, theirs = answer(gateway, sql), answer(reference, sql)
    assert mine == theirs and mine.startswith("ERROR"), (sql, mine, theirs)
# a refusal raised while rows stream keeps its SQLSTATE outside a transaction block (see COMPATIBILITY.md)
gateway.autocommit = True
refused = answer(gateway, "SELECT sqrt(x) FROM (VALUES (2.25::numeric(5,2))) v(x)")
assert refused == "ERROR 0A000", refused
gateway.autocommit = False
ok("psycopg2 numeric errors")

cur = gateway.cursor()
cur.execute("CREATE TEMP TABLE rates (r numeric)")
cur.execute("INSERT INTO rates VALUES (%s), (%s)", (decimal.Decimal("0.0001"), decimal.Decimal("123456789012345678.25")))
cur.execute("SELECT r FROM rates ORDER BY r")
assert [row[0] for row in cur.fetchall()] == [decimal.Decimal("0.0001"), decimal.Decimal("123456789012345678.25")]
assert cur.description[0].type_code == NUMERIC
gateway.commit()
ok("psycopg2 numeric column")

# more decimals than the platform's numeric without precision holds: refused, never rounded; numeric(p,s) rounds on store
for conn in (gateway, reference):
    cur = conn.cursor()
    cur.execute("CREATE TEMP TABLE readings (loose numeric, fixed numeric(20,15))")
    cur.execute("INSERT INTO readings (fixed) VALUES (%s), (%s)",
                (decimal.Decimal("0.1234567890123456789"), decimal.Decimal("-2.0000000000000005")))
    conn.commit()
fixed = "SELECT fixed FROM readings ORDER BY fixed"
assert answer(gateway, fixed) == answer(reference, fixed), (answer(gateway, fixed), answer(reference, fixed))
cur = gateway.cursor()
try:
    cur.execute("INSERT INTO readings (loose) VALUES (%s)", (decimal.Decimal("0.123456789012"),))
    raise AssertionError("a value of 12 decimals was stored into numeric without precision")
except psycopg2.Error as e:
    assert e.pgcode == "22003", e.pgcode
gateway.rollback()
cur.execute("INSERT INTO readings (loose) VALUES (%s)", (decimal.Decimal("0.1234567890"),))
cur.execute("SELECT loose FROM readings WHERE loose IS NOT NULL")
assert cur.fetchall() == [(decimal.Decimal("0.1234567890"),)]
gateway.commit()
ok("psycopg2 unconstrained numeric refusal")

# division of numeric columns: PostgreSQL's exact numeric (Decimals equal in value; a DuckDB column shows 20 decimals)
for sql in ["SELECT a / b, b / a FROM (VALUES (10.00::numeric(10,2), 3), (1, 7), (-7.25, 2)) v(a, b) ORDER BY 1",
            "SELECT g, sum(x) / count(x) FROM (VALUES (1, 0.5::numeric(8,3)), (1, 9998.25), (2, 3)) v(g, x) GROUP BY g ORDER BY g",
            "SELECT a / b FROM (VALUES (7, 2)) v(a, b)"]:
    mine, theirs = answer(gateway, sql), answer(reference, sql)
    assert mine == theirs, (sql, mine, theirs)
ok("psycopg2 numeric division")
