"""The differential suite's cases through psycopg2, against the gateway and a reference PostgreSQL 15.

Run by DriverDifferentialTest: CASES names a JSON file of areas (setup, cases with their SQL in
psycopg2's %s form, parameters and whether the rows come in a defined order); PGHOST/PGPORT/...
point at the gateway and REFERENCE_DSN at PostgreSQL. Each case runs on both, on one connection
per area (a case with its own setup on fresh ones), in autocommit; the answers compared are what
psycopg2 gives the application: column names and type codes with every value as the Python object
psycopg2 made (its repr), or the error's SQLSTATE class. Prints one JSON line per case.
"""
import datetime
import decimal
import json
import os

import psycopg2

REFERENCE = os.environ["REFERENCE_DSN"]
SESSION_SETUP = "SET TIME ZONE 'UTC'"
MAX_ROWS = 1000


def connect(dsn, setup):
    conn = psycopg2.connect(dsn)
    conn.autocommit = True
    cur = conn.cursor()
    for sql in [SESSION_SETUP, "SET statement_timeout = 5000"] + setup:
        try:
            cur.execute(sql)
        except psycopg2.Error:
            pass
    return conn


def parameter(p):
    kind, value = p["type"], p["value"]
    if kind == "null":
        return None
    if kind == "int":
        return int(value)
    if kind == "date":
        return datetime.date.fromisoformat(value)
    if kind == "numeric":
        return decimal.Decimal(value)
    return value


def answer(conn, case):
    try:
        cur = conn.cursor()
        params = [parameter(p) for p in case["params"]]
        for sql in case["setup"]:
            cur.execute(sql)
        if params:
            cur.execute(case["sqlPercent"], params)
        else:
            cur.execute(case["sql"])
        if cur.description is None:
            return {"status": cur.statusmessage}
        columns = [[d.name, d.type_code] for d in cur.description]
        rows = [[repr(v) for v in row] for row in cur.fetchmany(MAX_ROWS)]
        if not case["ordered"]:
            rows.sort()
        return {"columns": columns, "rows": rows}
    except psycopg2.Error as e:
        return {"error": (e.pgcode or "")[:2]}


def run(area):
    ref = connect(REFERENCE, area["setup"])
    gw = connect("", area["setup"])
    for case in area["cases"]:
        if case["setup"]:
            on_ref, on_gw = connect(REFERENCE, area["setup"]), connect("", area["setup"])
        else:
            on_ref, on_gw = ref, gw
        expected = answer(on_ref, case)
        actual = answer(on_gw, case)
        if case["setup"]:
            on_ref.close()
            on_gw.close()
        if ref.closed:
            ref = connect(REFERENCE, area["setup"])
        if gw.closed:
            gw = connect("", area["setup"])
        print(json.dumps({"area": area["name"], "case": case["name"], "same": expected == actual,
                          "postgres": expected, "gateway": actual}), flush=True)
    ref.close()
    gw.close()


with open(os.environ["CASES"]) as f:
    for area in json.load(f):
        run(area)
