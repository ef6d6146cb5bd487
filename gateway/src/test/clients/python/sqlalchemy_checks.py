"""SQLAlchemy's PostgreSQL dialect (psycopg2) against the gateway: what Superset and pandas-based apps
do on connect and when they list the lake's schemas, tables and columns. Prints "ok: <check>"."""
import os

import pandas
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

url = "postgresql+psycopg2://{}@{}:{}/{}".format(
    os.environ["PGUSER"], os.environ["PGHOST"], os.environ["PGPORT"], os.environ["PGDATABASE"])
engine = sa.create_engine(url)


def ok(name):
    print("ok: " + name, flush=True)


with engine.connect() as conn:
    assert engine.dialect.server_version_info >= (15,), engine.dialect.server_version_info
    assert conn.execute(sa.text("SELECT 1")).scalar() == 1
    ok("connect")

    inspector = sa.inspect(conn)
    schemas = inspector.get_schema_names()
    assert {"bronze", "gold"} <= set(schemas), schemas
    ok("schema names")

    assert "trades" in inspector.get_table_names(schema="bronze"), inspector.get_table_names(schema="bronze")
    assert "daily_pnl" in inspector.get_table_names(schema="gold")
    assert inspector.get_view_names(schema="bronze") == []
    ok("table and view names")

    columns = {c["name"]: c for c in inspector.get_columns("trades", schema="bronze")}
    assert list(columns) == ["trade_id", "ts", "symbol", "side", "quantity", "price", "date"], list(columns)
    assert isinstance(columns["trade_id"]["type"], sa.BigInteger)
    assert isinstance(columns["ts"]["type"], postgresql.TIMESTAMP) and columns["ts"]["type"].timezone
    assert isinstance(columns["price"]["type"], sa.Numeric)
    assert (columns["price"]["type"].precision, columns["price"]["type"].scale) == (18, 4)
    assert isinstance(columns["symbol"]["type"], sa.Text)
    assert isinstance(columns["date"]["type"], sa.Date)
    ok("columns")

    assert inspector.get_pk_constraint("trades", schema="bronze")["constrained_columns"] == []
    assert inspector.get_foreign_keys("trades", schema="bronze") == []
    assert inspector.get_indexes("trades", schema="bronze") == []
    ok("constraints and indexes")

    frame = pandas.read_sql(
        sa.text("SELECT symbol, count(*), sum(quantity) AS qty FROM bronze.trades WHERE date = :day GROUP BY symbol ORDER BY symbol"),
        conn, params={"day": "2024-01-03"})
    assert list(frame.columns) == ["symbol", "count", "qty"], list(frame.columns)
    assert len(frame) == 20 and int(frame["count"].sum()) == 2000, frame
    ok("pandas read_sql with parameters")

    trades = sa.Table("trades", sa.MetaData(), autoload_with=conn, schema="bronze")
    query = sa.select(trades.c.symbol, sa.func.max(trades.c.price)).where(trades.c.trade_id < 40).group_by(trades.c.symbol)
    assert len(conn.execute(query).all()) == 20
    ok("reflected table query")
