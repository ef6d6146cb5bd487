"""psycopg2 named (server-side) cursors stay readable while the same connection runs other statements.

DuckDB streams one result per connection; the gateway parks an open cursor's rows in memory before
another statement runs. Run by OpenPortalWireTest; prints "ok: <check>" per passed check.
"""
import io

import psycopg2


def ok(name):
    print("ok: " + name, flush=True)


def expect_rest(cursor, start, end):
    rest = [row[0] for row in cursor.fetchall()]
    assert rest == list(range(start, end)), (len(rest), rest[:3], rest[-3:])


conn = psycopg2.connect("")
other = conn.cursor()

named = conn.cursor("stream_of_numbers")
named.itersize = 100
named.execute("SELECT i FROM range(50000) t(i)")
assert [row[0] for row in named.fetchmany(150)] == list(range(150))

other.execute("SET TimeZone = 'Europe/Berlin'")
other.execute("SHOW TimeZone")
assert other.fetchone()[0] == "Europe/Berlin"
ok("set and show between fetches")

other.execute("CREATE TEMP TABLE between_fetches(i INTEGER)")
other.execute("INSERT INTO between_fetches VALUES (1), (2), (3)")
assert other.rowcount == 3
other.execute("UPDATE between_fetches SET i = i * 10 WHERE i > 1")
assert other.rowcount == 2
ok("ddl and dml between fetches")

out = io.StringIO()
other.copy_expert("COPY between_fetches TO STDOUT", out)
assert sorted(out.getvalue().split()) == ["1", "20", "30"], out.getvalue()
other.copy_expert("COPY between_fetches FROM STDIN", io.StringIO("4\n5\n"))
other.execute("SELECT count(*) FROM between_fetches")
assert other.fetchone()[0] == 5
ok("copy between fetches")

other.execute("SELECT count(*) FROM pg_catalog.pg_type WHERE typname = 'int4'")
assert other.fetchone()[0] == 1
ok("catalog query between fetches")

assert [row[0] for row in named.fetchmany(50)] == list(range(150, 200))
expect_rest(named, 200, 50000)
ok("named cursor continues")
named.close()
conn.rollback()
conn.close()
