"""psycopg2's scrollable named cursors against the gateway and a reference PostgreSQL 15.

Run by ScrollCursorWireTest with PGHOST/PGPORT/... pointing at the gateway and REFERENCE_DSN at
PostgreSQL, both holding scroll_rows(i) with i = 1..10. The same moves must fetch the same rows and
fail the same way. Prints "ok: <check>" per check and exits non-zero at the first failure.
"""
import os

import psycopg2


def ok(name):
    print("ok: " + name, flush=True)


def scrolled(dsn):
    conn = psycopg2.connect(dsn)
    seen = []
    cur = conn.cursor("scrolling", scrollable=True)
    cur.execute("SELECT i, 'row ' || i FROM scroll_rows ORDER BY i")
    seen.append(cur.fetchmany(3))
    cur.scroll(-2)
    seen.append(cur.fetchone())
    cur.scroll(0, mode="absolute")
    seen.append(cur.fetchmany(2))
    cur.scroll(7, mode="absolute")
    seen.append(cur.fetchall())
    cur.scroll(-4)
    seen.append(cur.fetchone())
    try:
        cur.scroll(20)
        seen.append("moved past the end")
    except (IndexError, psycopg2.ProgrammingError) as e:
        seen.append(type(e).__name__)
    conn.rollback()
    forward = conn.cursor("forward", scrollable=False)
    forward.execute("SELECT i FROM scroll_rows ORDER BY i")
    seen.append(forward.fetchmany(2))
    try:
        forward.scroll(-1)
        seen.append("scrolled back")
    except psycopg2.Error as e:
        seen.append((e.pgcode, e.diag.message_primary, e.diag.message_hint))
    conn.rollback()
    conn.close()
    return seen


mine, theirs = scrolled(""), scrolled(os.environ["REFERENCE_DSN"])
assert mine == theirs, "\ngateway:    %r\npostgresql: %r" % (mine, theirs)
ok("scroll")
