"""LISTEN/NOTIFY between two psycopg2 sessions as PostgreSQL delivers them: at commit, never after a
rollback, with the sender's process id and payload. Prints "ok: <check>"."""
import select

import psycopg2
import psycopg2.extensions
listener = psycopg2.connect("")
listener.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
listener.cursor().execute("LISTEN refresh")
sender = psycopg2.connect("")
cur = sender.cursor()
cur.execute("NOTIFY refresh, 'in transaction'")   # psycopg2 opens a transaction: held until commit
cur.execute("NOTIFY other, 'not listened'")
assert select.select([listener], [], [], 0.5) == ([], [], []), "delivered before commit"
sender.commit()
assert select.select([listener], [], [], 10) != ([], [], []), "not delivered at commit"
listener.poll()
got = [(n.channel, n.payload, n.pid) for n in listener.notifies]
pid = sender.get_backend_pid()
assert got == [("refresh", "in transaction", pid)], (got, pid)
del listener.notifies[:]
cur.execute("NOTIFY refresh, 'rolled back'")
sender.rollback()
sender.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
cur.execute("NOTIFY refresh")
assert select.select([listener], [], [], 10) != ([], [], [])
listener.poll()
got = [(n.channel, n.payload) for n in listener.notifies]
assert got == [("refresh", "")], got
print("ok: listen notify", flush=True)

# pg_notify(channel, payload), NOTIFY as a function: one row of type void (2278), empty, as PostgreSQL answers
del listener.notifies[:]
listener.cursor().execute('LISTEN "Mixed Case"')
cur.execute("SELECT pg_notify('Mixed Case', 'from a function')")
assert [(d.name, d.type_code) for d in cur.description] == [("pg_notify", 2278)], cur.description
assert cur.fetchall() == [("",)]
assert select.select([listener], [], [], 10) != ([], [], []), "pg_notify not delivered"
listener.poll()
got = [(n.channel, n.payload, n.pid) for n in listener.notifies]
assert got == [("Mixed Case", "from a function", pid)], (got, pid)
print("ok: pg_notify", flush=True)

# pg_notify over rows and expressions: one notification per row, sent once the statement succeeded
del listener.notifies[:]
listener.cursor().execute("LISTEN rows")
cur.execute("SELECT pg_notify('ro' || 'ws', 'row ' || x::text) FROM generate_series(1, 3) AS g(x) ORDER BY x")
assert [d.name for d in cur.description] == ["pg_notify"], cur.description
assert cur.fetchall() == [("",), ("",), ("",)]
for _ in range(100):
    listener.poll()
    if len(listener.notifies) >= 3:
        break
    select.select([listener], [], [], 0.1)
got = [(n.channel, n.payload) for n in listener.notifies]
assert got == [("rows", "row 1"), ("rows", "row 2"), ("rows", "row 3")], got
sender.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_READ_COMMITTED)
del listener.notifies[:]
cur.execute("SELECT pg_notify('rows', 'rolled back') FROM generate_series(1, 2)")
sender.rollback()
cur.execute("SELECT pg_notify(%s, %s) WHERE 1 = 1", ("rows", "committed"))
assert select.select([listener], [], [], 0.5) == ([], [], []), "delivered before commit"
sender.commit()
assert select.select([listener], [], [], 10) != ([], [], [])
listener.poll()
got = [(n.channel, n.payload) for n in listener.notifies]
assert got == [("rows", "committed")], got
sender.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
try:
    cur.execute("SELECT pg_notify('', 'x') FROM generate_series(1, 2)")
    raise AssertionError("an empty channel was accepted")
except psycopg2.Error as e:
    assert e.pgcode == "22023" and "channel name cannot be empty" in e.pgerror, (e.pgcode, e.pgerror)
print("ok: pg_notify over rows", flush=True)

# LISTEN in a transaction takes effect when it commits, and not at all if it rolls back
other = psycopg2.connect("")
other.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
late = psycopg2.connect("")
late_cur = late.cursor()                      # psycopg2 opens a transaction: LISTEN is in it
late_cur.execute("LISTEN late")
other.cursor().execute("NOTIFY late, 'before commit'")
late.rollback()
other.cursor().execute("NOTIFY late, 'after rollback'")
late_cur.execute("LISTEN late")
late.commit()
other.cursor().execute("NOTIFY late, 'after commit'")
assert select.select([late], [], [], 10) != ([], [], [])
late.poll()
got = [n.payload for n in late.notifies]
assert got == ["after commit"], got
print("ok: listen at commit", flush=True)
