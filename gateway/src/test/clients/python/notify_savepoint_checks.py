"""LISTEN/NOTIFY through savepoints, pg_notify's result type and its errors, psycopg2 against the
gateway and a reference PostgreSQL 15.

Run by NotifyWireTest with PGHOST/PGPORT/... pointing at the gateway and REFERENCE_DSN at
PostgreSQL. The same steps run on both and what the listener receives (conn.notifies after poll()),
cursor.description and each error's SQLSTATE and message must be the same; a few expected values
are asserted too, so that two wrong answers cannot agree. Prints "ok: <check>" per check and exits
non-zero at the first failure.
"""
import os
import select

import psycopg2

REFERENCE = os.environ["REFERENCE_DSN"]


def ok(name):
    print("ok: " + name, flush=True)


def connect(dsn, autocommit):
    conn = psycopg2.connect(dsn)
    conn.autocommit = autocommit
    return conn


def received(listener, count, timeout=10):
    """The (channel, payload) pairs the listener has received, waiting until there are count of them."""
    for _ in range(int(timeout * 20)):
        listener.poll()
        if len(listener.notifies) >= count:
            break
        select.select([listener], [], [], 0.05)
    got = [(n.channel, n.payload) for n in listener.notifies]
    del listener.notifies[:]
    return got


def savepoints(dsn):
    """ROLLBACK TO drops what NOTIFY, pg_notify() and LISTEN did after the savepoint; RELEASE keeps it."""
    listener = connect(dsn, True)
    listener.cursor().execute("LISTEN sp_checks")
    sender = connect(dsn, False)
    cur = sender.cursor()
    steps = [
        "NOTIFY sp_checks, 'before'",
        "SAVEPOINT a",
        "NOTIFY sp_checks, 'in a'",
        "SELECT pg_notify('sp_checks', 'query in ' || 'a')",
        "SAVEPOINT b",
        "NOTIFY sp_checks, 'in b'",
        "ROLLBACK TO SAVEPOINT a",
        "NOTIFY sp_checks, 'after rollback'",
        "SAVEPOINT c",
        "NOTIFY sp_checks, 'released'",
        "NOTIFY sp_checks, 'before'",          # already queued before c: sent once, at its first place
        "RELEASE SAVEPOINT c",
        "SAVEPOINT d",
        "NOTIFY sp_checks, 'after rollback'",  # already queued: survives the rollback to d
        "NOTIFY sp_checks, 'in d'",
        "ROLLBACK TO d",
        "SAVEPOINT e",
        "SELECT 1/0",                          # the transaction fails; ROLLBACK TO recovers it
    ]
    for sql in steps:
        try:
            cur.execute(sql)
        except psycopg2.Error:
            pass
    cur.execute("ROLLBACK TO e")
    cur.execute("SELECT pg_notify('sp_checks', 'after recovery')")
    sender.commit()
    sent = received(listener, 4)
    # LISTEN in a savepoint rolled back never takes effect; one after it does
    late = connect(dsn, False)
    late_cur = late.cursor()
    late_cur.execute("SAVEPOINT s")
    late_cur.execute("LISTEN sp_dropped")
    late_cur.execute("ROLLBACK TO SAVEPOINT s")
    late_cur.execute("LISTEN sp_kept")
    late.commit()
    other = connect(dsn, True)
    other.cursor().execute("NOTIFY sp_dropped, 'x'")
    other.cursor().execute("NOTIFY sp_kept, 'y'")
    listened = received(late, 1)
    for conn in (listener, sender, late, other):
        conn.close()
    return sent, listened


def void_results(dsn):
    """cursor.description of pg_notify called with literals, parameters, expressions and over rows."""
    conn = connect(dsn, True)
    cur = conn.cursor()
    found = []
    for sql, args in [
        ("SELECT pg_notify('void_checks', 'literal')", None),
        ("SELECT pg_notify(%s, %s)", ("void_checks", "parameters")),
        ("SELECT pg_notify('void_' || 'checks', NULL)", None),
        ("SELECT pg_notify('void_checks', x::text) AS sent FROM generate_series(1, 2) AS g(x)", None),
    ]:
        cur.execute(sql, args)
        found.append((sql, [(d.name, d.type_code) for d in cur.description], cur.fetchall()))
    conn.close()
    return found


def errors(dsn):
    """pg_notify's and NOTIFY's errors and notices, outside and inside a transaction block."""
    found = []
    for in_block in (False, True):
        for sql in [
            "SELECT pg_notify('', 'x')",
            "SELECT pg_notify(NULL, 'x')",
            "SELECT pg_notify(repeat('c', 64), 'x')",
            "SELECT pg_notify(repeat('c', 63), 'x')",
            "SELECT pg_notify('c', repeat('x', 8000))",
            "SELECT pg_notify('c', repeat('x', 7999))",
            "SELECT pg_notify(CASE WHEN x = 2 THEN '' ELSE 'c' END, 'p') FROM generate_series(1, 3) AS g(x)",
            "NOTIFY " + "n" * 70 + ", 'long identifier'",
        ]:
            conn = connect(dsn, not in_block)
            try:
                conn.cursor().execute(sql)
                found.append((in_block, sql, "ok", [n.strip() for n in conn.notices]))
            except psycopg2.Error as e:
                found.append((in_block, sql, e.pgcode, e.diag.message_primary))
            conn.close()
    return found


def same(name, gateway, reference):
    assert gateway == reference, (name, "gateway", gateway, "postgres", reference)


sent, listened = savepoints("")
assert sent == [("sp_checks", "before"), ("sp_checks", "after rollback"), ("sp_checks", "released"),
                ("sp_checks", "after recovery")], sent
assert listened == [("sp_kept", "y")], listened
same("savepoints", (sent, listened), savepoints(REFERENCE))
ok("savepoints")

voids = void_results("")
assert all(description[0][1] == 2278 for _, description, _ in voids), voids
same("void", voids, void_results(REFERENCE))
ok("void")

found = errors("")
assert (True, "SELECT pg_notify('', 'x')", "22023", "channel name cannot be empty") in found, found
same("errors", found, errors(REFERENCE))
ok("errors")
