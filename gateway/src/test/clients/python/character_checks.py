"""char(n) and varchar(n) through psycopg2 against the gateway and a reference PostgreSQL 15.

Run by CharacterTypesWireTest with PGHOST/PGPORT/... pointing at the gateway and REFERENCE_DSN at
PostgreSQL. Each check runs the same statements on both and compares rows (values as Python
strings) and cursor.description (name, type_code, internal_size), or the error's pgcode.
Prints "ok: <check>" per check and exits non-zero at the first failure.
"""
import os

import psycopg2

SETUP = [
    "CREATE TEMP TABLE py_chars (id int, c char(4), v varchar(6))",
    "INSERT INTO py_chars VALUES (1, 'ab', 'ab'), (2, 'abcd', 'abcdef'), (3, NULL, NULL)",
]
QUERIES = [
    "SELECT * FROM py_chars ORDER BY id",
    "SELECT c, v FROM py_chars WHERE c = 'ab'",
    "SELECT 'abc'::char(5) AS padded, 'abcdef'::varchar(3) AS cut, c || '|' AS joined FROM py_chars ORDER BY id",
]
TOO_LONG = [
    "INSERT INTO py_chars VALUES (4, 'abcde', NULL)",
    "INSERT INTO py_chars VALUES (4, NULL, 'abcdefg')",
]


def ok(name):
    print("ok: " + name, flush=True)


def answers(conn):
    cur = conn.cursor()
    for sql in SETUP:
        cur.execute(sql)
    result = []
    for sql in QUERIES:
        cur.execute(sql)
        result.append(([(d.name, d.type_code, d.internal_size) for d in cur.description], cur.fetchall()))
    return result


def errors(conn):
    codes = []
    for sql in TOO_LONG:
        cur = conn.cursor()
        try:
            cur.execute(sql)
            codes.append(None)
        except psycopg2.Error as e:
            codes.append((e.pgcode, e.diag.message_primary))
    return codes


gateway = psycopg2.connect("")
gateway.autocommit = True
reference = psycopg2.connect(os.environ["REFERENCE_DSN"])
reference.autocommit = True
mine, theirs = answers(gateway), answers(reference)
for (sql, m, t) in zip(QUERIES, mine, theirs):
    assert m == t, (sql, m, t)
ok("character values and description")

mine, theirs = errors(gateway), errors(reference)
assert mine == theirs, (mine, theirs)
assert theirs[0][0] == "22001", theirs
ok("value too long")
