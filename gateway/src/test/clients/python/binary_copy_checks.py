"""psycopg 3's binary COPY against the gateway: COPY FROM STDIN (FORMAT BINARY) with set_types and
write_row, COPY TO STDOUT (FORMAT BINARY) read back with read_row, and a row of the wrong type
refused with nothing stored. Prints "ok: <check>" per passed check."""
import datetime
import decimal
import uuid

import psycopg
import psycopg.errors
from psycopg.types.json import Json

TYPES = ["int2", "int4", "int8", "float4", "float8", "numeric", "text", "bool", "date", "timestamp",
         "timestamptz", "bytea", "uuid", "interval", "int4[]", "text[]", "json"]
UTC = datetime.timezone.utc
ROWS = [
    (1, 100000, 10**15, 1.5, 2.25, decimal.Decimal("12.345"), "héllo\ttab", True, datetime.date(2024, 2, 29),
     datetime.datetime(2024, 1, 3, 18, 51, 7, 123456), datetime.datetime(2024, 1, 3, 18, 51, tzinfo=UTC),
     b"\x00\x01\xff", uuid.UUID("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"), datetime.timedelta(days=3, seconds=7),
     [1, None, 3], ["a", "b,c", None], {"k": [1, 2]}),
    (-2, -7, -1, -0.5, 1e300, decimal.Decimal("-0.001"), "", False, datetime.date(1999, 12, 31),
     datetime.datetime(1970, 1, 1), datetime.datetime(2000, 1, 1, tzinfo=UTC), b"", uuid.UUID(int=0),
     datetime.timedelta(microseconds=-1), [], [], []),
    (None,) * 17,
]


def ok(name):
    print("ok: " + name, flush=True)


def dumpable(row):
    return tuple(Json(v) if i == 16 and v is not None else v for i, v in enumerate(row))


with psycopg.connect("", autocommit=True) as conn:
    conn.execute("DROP TABLE IF EXISTS bin_copy")
    conn.execute(
        "CREATE TABLE bin_copy(i2 smallint, i4 integer, i8 bigint, f4 real, f8 double precision, n numeric(12,3),"
        " t text, b boolean, d date, ts timestamp, tz timestamptz, bt bytea, u uuid, iv interval, ia integer[],"
        " ta text[], j json)")
    with conn.cursor() as cur:
        with cur.copy("COPY bin_copy FROM STDIN (FORMAT BINARY)") as copy:
            copy.set_types(TYPES)
            for row in ROWS:
                copy.write_row(dumpable(row))
        assert cur.rowcount == 3, cur.rowcount
        stored = conn.execute("SELECT i4, n, t, ia FROM bin_copy ORDER BY i4 NULLS LAST").fetchall()
        assert stored == [(-7, decimal.Decimal("-0.001"), "", []), (100000, decimal.Decimal("12.345"), "héllo\ttab", [1, None, 3]),
                          (None, None, None, None)], stored
    ok("copy from stdin binary")

    with conn.cursor() as cur:
        with cur.copy("COPY (SELECT * FROM bin_copy ORDER BY i2 DESC NULLS LAST) TO STDOUT (FORMAT BINARY)") as copy:
            copy.set_types(TYPES)
            rows = []
            while (row := copy.read_row()) is not None:
                rows.append(row)
        assert rows == ROWS, rows
    ok("copy to stdout binary")

    try:
        with conn.cursor() as cur:
            with cur.copy("COPY bin_copy (i4, t) FROM STDIN (FORMAT BINARY)") as copy:
                copy.set_types(["int4", "text"])
                copy.write_row((5, "kept?"))
                copy.set_types(["int8", "text"])  # an int8 where the column is int4: 8 bytes, not 4
                copy.write_row((6, "no"))
        raise AssertionError("a wrong binary value was accepted")
    except psycopg.errors.InvalidBinaryRepresentation:
        pass
    assert conn.execute("SELECT count(*) FROM bin_copy").fetchone() == (3,)
    ok("bad value stores nothing")
