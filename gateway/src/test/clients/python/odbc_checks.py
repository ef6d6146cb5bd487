"""psqlODBC through unixODBC (pyodbc as the application), the path Excel, Power BI and Tableau take:
a DSN, SQLTables and SQLColumns over the lake, and queries with parameters. Prints "ok: <check>"."""
import datetime
import decimal

import odbc_dsn  # noqa: F401,E402  (writes the DSN and sets $ODBCINI)

import pyodbc  # noqa: E402  (after ODBCINI is set)


def ok(name):
    print("ok: " + name, flush=True)


conn = pyodbc.connect("DSN=lake", autocommit=True)
assert conn.getinfo(pyodbc.SQL_DBMS_NAME) == "PostgreSQL", conn.getinfo(pyodbc.SQL_DBMS_NAME)
ok("connect with a DSN")

cur = conn.cursor()
tables = {(row.table_schem, row.table_name, row.table_type) for row in cur.tables()}
assert ("bronze", "trades", "TABLE") in tables, sorted(tables)
assert ("gold", "daily_pnl", "TABLE") in tables, sorted(tables)
ok("SQLTables")

columns = [(row.column_name, row.type_name) for row in cur.columns(table="trades", schema="bronze")]
assert columns == [("trade_id", "int8"), ("ts", "timestamptz"), ("symbol", "text"), ("side", "text"),
                   ("quantity", "numeric"), ("price", "numeric"), ("date", "date")], columns
ok("SQLColumns")

cur.execute("SELECT trade_id, ts, symbol, price, date FROM bronze.trades WHERE trade_id = ?", 2001)
row = cur.fetchone()
assert row.trade_id == 2001 and row.symbol == "SYM1", row
assert row.price == decimal.Decimal("100.1000"), row.price
assert row.date == datetime.date(2024, 1, 3), row.date
ok("query with parameters")

cur.execute("SELECT symbol, count(*) AS n FROM bronze.trades GROUP BY symbol ORDER BY symbol")
rows = cur.fetchall()
assert len(rows) == 20 and rows[0].symbol == "SYM0" and rows[0].n == 500, rows[:2]
ok("aggregate query")
conn.close()
