"""psycopg 3 against the gateway: extended-protocol parameters, binary results, server-side cursors
(DECLARE with parameters, WITH HOLD), COPY and errors. Prints "ok: <check>" per passed check."""
import datetime
import decimal

import psycopg
import psycopg.errors


def ok(name):
    print("ok: " + name, flush=True)


with psycopg.connect("") as conn:
    assert conn.info.server_version >= 150000
    ok("connect")

    row = conn.execute(
        "SELECT %s::int + 1 AS next, %s::text AS t, %s::date AS d, %s::bigint AS big",
        (41, "x", datetime.date(2024, 1, 3), 10**12),
    ).fetchone()
    assert row == (42, "x", datetime.date(2024, 1, 3), 10**12), row
    ok("parameters")

    with conn.cursor(binary=True) as cur:
        cur.execute("SELECT trade_id, ts, price, symbol FROM bronze.trades WHERE trade_id = %s", (2001,))
        row = cur.fetchone()
        assert row == (2001, datetime.datetime(2024, 1, 3, 18, 51, tzinfo=datetime.timezone.utc), decimal.Decimal("100.1000"), "SYM1"), row
    ok("binary results")

    with conn.cursor(name="by_symbol") as cur:
        cur.execute("SELECT trade_id FROM bronze.trades WHERE symbol = %s ORDER BY trade_id", ("SYM3",))
        first = cur.fetchmany(3)
        assert first == [(3,), (23,), (43,)], first
        assert len(cur.fetchall()) == 500 - 3
    ok("server-side cursor with parameters")

    with conn.cursor(name="held", withhold=True) as cur:
        cur.execute("SELECT trade_id FROM bronze.trades ORDER BY trade_id LIMIT 10")
        conn.commit()
        assert cur.fetchmany(2) == [(0,), (1,)]
    ok("cursor with hold")

    with conn.cursor() as cur:
        with cur.copy("COPY (SELECT trade_id, symbol FROM bronze.trades WHERE trade_id < 2 ORDER BY trade_id) TO STDOUT") as copy:
            rows = list(copy.rows())
        assert rows == [("0", "SYM0"), ("1", "SYM1")], rows
    ok("copy to stdout")

    try:
        conn.execute("SELECT nope FROM bronze.trades")
        raise AssertionError("no error")
    except psycopg.errors.UndefinedColumn as e:
        assert e.sqlstate == "42703", e.sqlstate
    conn.rollback()
    assert conn.execute("SELECT 1").fetchone() == (1,)
    ok("error and rollback")
