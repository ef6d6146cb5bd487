"""psycopg2's cursor.description against the gateway and a reference PostgreSQL 15.

Run by ColumnOriginWireTest with PGHOST/PGPORT/... pointing at the gateway and REFERENCE_DSN at
PostgreSQL; both hold the tables origin_accounts and origin_orders. Each column's table_oid is
compared by the table it names in pg_class, table_column by number, with type_code and
internal_size. Prints "ok: <check>" per check and exits non-zero at the first failure.
"""
import os

import psycopg2

QUERIES = [
    "SELECT * FROM origin_accounts",
    "SELECT id AS account, name, balance * 2, 'x' AS lit FROM origin_accounts",
    "SELECT o.qty, a.* FROM origin_orders o JOIN origin_accounts a ON a.id = o.id",
]


def ok(name):
    print("ok: " + name, flush=True)


def described(conn, sql, named=False):
    cur = conn.cursor("origins") if named else conn.cursor()
    cur.execute(sql)
    if named:
        cur.fetchmany(1)
    columns = list(cur.description)
    cur.close()
    lookup = conn.cursor()
    result = []
    for c in columns:
        table = None
        if c.table_oid:
            lookup.execute("SELECT relname FROM pg_class WHERE oid = %s", (c.table_oid,))
            table = lookup.fetchone()[0]
        result.append((c.name, c.type_code, table, c.table_column))
    conn.rollback()
    return result


gateway = psycopg2.connect("")
reference = psycopg2.connect(os.environ["REFERENCE_DSN"])
for sql in QUERIES:
    mine, theirs = described(gateway, sql), described(reference, sql)
    assert mine == theirs, (sql, mine, theirs)
ok("description")

for sql in QUERIES:
    mine, theirs = described(gateway, sql, named=True), described(reference, sql, named=True)
    assert mine == theirs, (sql, mine, theirs)
ok("named cursor description")
