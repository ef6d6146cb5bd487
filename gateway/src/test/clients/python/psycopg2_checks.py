"""psycopg2 against the gateway: parameters, types, server-side cursors, COPY, errors, session settings.

Run by PythonClientsWireTest with PGHOST/PGPORT/PGUSER/PGDATABASE set; prints one "ok: <check>"
line per check that passed and exits non-zero at the first failure.
"""
import datetime
import decimal
import io

import psycopg2
import psycopg2.errors


def ok(name):
    print("ok: " + name, flush=True)


conn = psycopg2.connect("")
assert conn.server_version >= 150000, conn.server_version
ok("connect")

cur = conn.cursor()
cur.execute(
    "SELECT %s::int AS i, %s AS t, %s::numeric(10,2) AS n, %s::date AS d, %s AS missing, %s AS flag",
    (41, "it's", decimal.Decimal("12.34"), datetime.date(2024, 1, 3), None, True),
)
row = cur.fetchone()
assert row == (41, "it's", decimal.Decimal("12.34"), datetime.date(2024, 1, 3), None, True), row
assert [c.name for c in cur.description] == ["i", "t", "n", "d", "missing", "flag"], cur.description
ok("parameters")

cur.execute("SELECT trade_id, ts, symbol, quantity, price, date FROM bronze.trades WHERE trade_id = %s", (2001,))
trade_id, ts, symbol, quantity, price, date = cur.fetchone()
assert trade_id == 2001 and isinstance(trade_id, int)
assert ts == datetime.datetime(2024, 1, 3, 18, 51, tzinfo=datetime.timezone.utc), ts
assert symbol == "SYM1" and quantity == decimal.Decimal("2.0000") and price == decimal.Decimal("100.1000"), (symbol, quantity, price)
assert date == datetime.date(2024, 1, 3), date
ok("types")

cur.execute("SELECT count(*), sum(quantity) FROM bronze.trades")
count, total = cur.fetchone()
assert count == 10000 and [c.name for c in cur.description] == ["count", "sum"], (count, cur.description)
ok("aggregate names")
conn.commit()

named = conn.cursor(name="all_trades")
named.itersize = 1000
named.execute("SELECT trade_id FROM bronze.trades WHERE trade_id >= %s ORDER BY trade_id", (0,))
ids = [r[0] for r in named]
assert ids == list(range(10000)), (len(ids), ids[:3])
named.close()
conn.commit()
ok("server-side cursor")

out = io.StringIO()
cur.copy_expert("COPY (SELECT trade_id, symbol FROM bronze.trades WHERE trade_id < 3 ORDER BY trade_id) TO STDOUT WITH (FORMAT csv, HEADER)", out)
assert out.getvalue() == "trade_id,symbol\n0,SYM0\n1,SYM1\n2,SYM2\n", out.getvalue()
ok("copy to stdout")

try:
    cur.execute("SELECT * FROM bronze.no_such_table")
    raise AssertionError("no error")
except psycopg2.errors.UndefinedTable as e:
    assert e.pgcode == "42P01", e.pgcode
conn.rollback()
cur.execute("SELECT 1")
assert cur.fetchone() == (1,)
ok("error and rollback")

conn.commit()
conn.autocommit = True
cur.execute("SELECT set_config('application_name', 'psycopg2-checks', false)")
assert cur.fetchone() == ("psycopg2-checks",)
cur.execute("SELECT current_setting('application_name'), current_setting('server_version_num')::int >= 150000")
assert cur.fetchone() == ("psycopg2-checks", True)
cur.execute("SHOW transaction_isolation")
assert cur.fetchone()[0] == "repeatable read"  # DuckDB's snapshot isolation
cur.execute("SET ROLE analyst")
cur.execute("SET SESSION CHARACTERISTICS AS TRANSACTION ISOLATION LEVEL READ COMMITTED")
cur.execute("DISCARD ALL")
cur.execute("SELECT current_setting('application_name')")
assert cur.fetchone() == ("",), "DISCARD ALL resets parameters"
ok("session settings")
conn.close()
