"""Nested transactions as psycopg 3 and SQLAlchemy run them (SAVEPOINT / ROLLBACK TO / RELEASE):
a rolled-back inner block undoes exactly its own writes. Prints "ok: <check>" per passed check."""
import psycopg
import psycopg.errors
import sqlalchemy
from sqlalchemy import text


def ok(name):
    print("ok: " + name, flush=True)


with psycopg.connect("") as conn:
    conn.execute("CREATE TABLE py_nested(x int PRIMARY KEY)")
    conn.commit()

    class Undo(Exception):
        pass

    with conn.transaction():
        conn.execute("INSERT INTO py_nested VALUES (1)")
        try:
            with conn.transaction():
                conn.execute("INSERT INTO py_nested VALUES (2)")
                raise Undo()
        except Undo:
            pass
        with conn.transaction():
            conn.execute("INSERT INTO py_nested VALUES (3)")
        try:
            with conn.transaction():
                conn.execute("INSERT INTO py_nested VALUES (1)")
            raise AssertionError("duplicate key accepted")
        except psycopg.errors.UniqueViolation:
            pass
        conn.execute("INSERT INTO py_nested VALUES (4)")
    rows = [r[0] for r in conn.execute("SELECT x FROM py_nested ORDER BY x").fetchall()]
    assert rows == [1, 3, 4], rows
    ok("psycopg nested transaction")

engine = sqlalchemy.create_engine("postgresql+psycopg2://", future=True)
with engine.connect() as conn:
    conn.execute(text("CREATE TABLE sa_nested(x int)"))
    conn.commit()
    with conn.begin():
        conn.execute(text("INSERT INTO sa_nested VALUES (1)"))
        nested = conn.begin_nested()
        conn.execute(text("INSERT INTO sa_nested VALUES (2)"))
        nested.rollback()
        with conn.begin_nested():
            conn.execute(text("INSERT INTO sa_nested VALUES (3)"))
    rows = [r[0] for r in conn.execute(text("SELECT x FROM sa_nested ORDER BY x"))]
    assert rows == [1, 3], rows
ok("sqlalchemy begin_nested")
