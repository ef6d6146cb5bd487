"""psqlODBC (pyodbc) with autocommit off, as pyodbc, Excel, Power BI and Tableau use it: the driver
wraps each statement in a savepoint, and with Protocol=7.4-0 prepares named plans. Prints "ok: <check>"."""

import odbc_dsn  # noqa: F401,E402  (writes the DSN and sets $ODBCINI)

import pyodbc  # noqa: E402  (after ODBCINI is set)


def ok(name):
    print("ok: " + name, flush=True)


conn = pyodbc.connect("DSN=lake")
cur = conn.cursor()
assert cur.execute("SELECT ?", "x").fetchone()[0] == "x"
cur.execute("CREATE TABLE odbc_tx(x int PRIMARY KEY)")
cur.execute("INSERT INTO odbc_tx VALUES (?)", 1)
try:
    cur.execute("INSERT INTO odbc_tx VALUES (?)", 1)
    raise AssertionError("duplicate key accepted")
except pyodbc.IntegrityError:
    pass
cur.execute("INSERT INTO odbc_tx VALUES (?)", 2)
conn.commit()
assert [r[0] for r in cur.execute("SELECT x FROM odbc_tx ORDER BY x").fetchall()] == [1, 2]
conn.rollback()
conn.close()
ok("autocommit off")

conn = pyodbc.connect("DSN=lake", autocommit=True)
cur = conn.cursor()
assert cur.execute("SELECT ?", "y").fetchone()[0] == "y"
cur.execute("INSERT INTO odbc_tx VALUES (?)", 3)
assert cur.execute("SELECT count(*) FROM odbc_tx").fetchone()[0] == 3
conn.close()
ok("autocommit on")

conn = pyodbc.connect("DSN=lake;Protocol=7.4-0")
cur = conn.cursor()
for i in range(4):
    assert cur.execute("SELECT ? || 'z'", str(i)).fetchone()[0] == str(i) + "z"
    assert cur.execute("SELECT count(*) FROM odbc_tx WHERE x > ?", i).fetchone()[0] == 3 - min(i, 3)
conn.commit()
conn.close()
ok("protocol 7.4")
