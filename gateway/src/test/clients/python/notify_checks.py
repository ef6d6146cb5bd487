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
