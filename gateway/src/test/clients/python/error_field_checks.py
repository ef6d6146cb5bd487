"""psycopg2's e.diag of constraint violations against the gateway and a reference PostgreSQL 15.

Run by ErrorFieldWireTest with PGHOST/PGPORT/... pointing at the gateway and REFERENCE_DSN at
PostgreSQL. The same tables are created on both; each failing statement must report the same
SQLSTATE, message, schema, table, column, data type and constraint (and the same detail where
PostgreSQL's names the key: the "Failing row contains" details list whole rows the gateway does not
have). Prints "ok: <check>" per check and exits non-zero at the first failure.
"""
import os

import psycopg2

SETUP = [
    "DROP TABLE IF EXISTS diag_lines",
    "DROP TABLE IF EXISTS diag_parents",
    "CREATE TABLE diag_parents(id int PRIMARY KEY)",
    "INSERT INTO diag_parents VALUES (1)",
    "CREATE TABLE diag_lines(id int PRIMARY KEY, code int UNIQUE, qty int CHECK (qty > 0), label text NOT NULL, "
    "parent int REFERENCES diag_parents(id), l int, m int, UNIQUE (l, m))",
    "INSERT INTO diag_lines(id, code, label, parent, l, m) VALUES (1, 5, 'a', 1, 1, 1)",
]
VIOLATIONS = [
    "INSERT INTO diag_lines(id, label) VALUES (1, 'b')",
    "INSERT INTO diag_lines(id, code, label) VALUES (2, 5, 'b')",
    "INSERT INTO public.diag_lines(id, label, l, m) VALUES (4, 'd', 1, 1)",
    "INSERT INTO diag_lines(id, qty, label) VALUES (5, -1, 'e')",
    "INSERT INTO diag_lines(id) VALUES (6)",
    "UPDATE diag_lines SET label = NULL",
    "INSERT INTO diag_lines(id, label, parent) VALUES (7, 'g', 9)",
    "DELETE FROM diag_parents",
]
KEYED_DETAILS = ("23505", "23503")


def ok(name):
    print("ok: " + name, flush=True)


def diagnostics(dsn, transaction):
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    cur = conn.cursor()
    for sql in SETUP:
        cur.execute(sql)
    conn.autocommit = not transaction
    found = []
    for sql in VIOLATIONS:
        try:
            cur.execute(sql)
            found.append((sql, "no error"))
        except psycopg2.Error as e:
            d = e.diag
            detail = d.message_detail if e.pgcode in KEYED_DETAILS else None
            found.append((sql, e.pgcode, d.message_primary, detail, d.schema_name, d.table_name, d.column_name,
                          d.datatype_name, d.constraint_name))
        if transaction:
            conn.rollback()
    conn.close()
    return found


for transaction in (False, True):
    mine = diagnostics("", transaction)
    theirs = diagnostics(os.environ["REFERENCE_DSN"], transaction)
    for m, t in zip(mine, theirs):
        assert m == t, "\ngateway:    %r\npostgresql: %r" % (m, t)
    ok("in a transaction" if transaction else "autocommit")
