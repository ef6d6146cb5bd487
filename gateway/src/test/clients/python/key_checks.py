"""Keys and indexes of tables with a primary key, a unique constraint and a foreign key, as
SQLAlchemy's inspector and psqlODBC (through pyodbc: SQLPrimaryKeys, SQLForeignKeys) read them from the catalogs. The expected
answers are PostgreSQL 15's for the same DDL (this script passes against it too; the schema is
whatever the connection's current schema is). Prints "ok: <check>"."""
import psycopg2

DDL = [
    "DROP TABLE IF EXISTS key_lines",
    "DROP TABLE IF EXISTS key_orders",
    "CREATE TABLE key_orders (id integer PRIMARY KEY, code text UNIQUE, placed date NOT NULL)",
    "CREATE TABLE key_lines (order_id integer REFERENCES key_orders (id), line integer, qty integer, "
    "PRIMARY KEY (order_id, line))",
    "CREATE INDEX key_lines_qty ON key_lines (qty)",
]
setup = psycopg2.connect("")
setup.autocommit = True
with setup.cursor() as cur:
    for statement in DDL:
        cur.execute(statement)
    cur.execute("SELECT current_schema()")
    schema = cur.fetchone()[0]
setup.close()


def sqlalchemy_checks():
    import sqlalchemy
    inspector = sqlalchemy.inspect(sqlalchemy.create_engine("postgresql+psycopg2://"))
    pk = inspector.get_pk_constraint("key_lines", schema=schema)
    assert pk == {"constrained_columns": ["order_id", "line"], "name": "key_lines_pkey"}, pk
    pk = inspector.get_pk_constraint("key_orders", schema=schema)
    assert pk == {"constrained_columns": ["id"], "name": "key_orders_pkey"}, pk
    fks = inspector.get_foreign_keys("key_lines", schema=schema)
    assert [(fk["name"], fk["constrained_columns"], fk["referred_table"], fk["referred_columns"]) for fk in fks] == [
        ("key_lines_order_id_fkey", ["order_id"], "key_orders", ["id"])], fks
    indexes = inspector.get_indexes("key_lines", schema=schema)
    assert [(i["name"], i["column_names"], i["unique"]) for i in indexes] == [("key_lines_qty", ["qty"], False)], indexes
    indexes = inspector.get_indexes("key_orders", schema=schema)
    assert [(i["name"], i["column_names"], i["unique"]) for i in indexes] == [("key_orders_code_key", ["code"], True)], indexes
    uniques = inspector.get_unique_constraints("key_orders", schema=schema)
    assert [(u["name"], u["column_names"]) for u in uniques] == [("key_orders_code_key", ["code"])], uniques
    print("ok: sqlalchemy keys and indexes", flush=True)


def odbc_checks():
    import odbc_dsn  # noqa: F401 (writes the DSN)
    import pyodbc
    connection = pyodbc.connect("DSN=lake", autocommit=True)
    cursor = connection.cursor()
    keys = [(r.column_name, r.key_seq, r.pk_name) for r in cursor.primaryKeys("key_lines", schema=schema)]
    assert keys == [("order_id", 1, "key_lines_pkey"), ("line", 2, "key_lines_pkey")], keys
    fks = [(r.pktable_name, r.pkcolumn_name, r.fktable_name, r.fkcolumn_name, r.key_seq, r.fk_name, r.pk_name)
           for r in cursor.foreignKeys(foreignTable="key_lines", foreignSchema=schema)]
    assert fks == [("key_orders", "id", "key_lines", "order_id", 1, "key_lines_order_id_fkey", "key_orders_pkey")], fks
    print("ok: odbc keys", flush=True)
    # SQLStatistics reads pg_index.indkey as an int2vector (OID 22)
    stats = [(r.table_name, r.non_unique, r.index_name, r.type, r.ordinal_position, r.column_name, r.asc_or_desc,
              r.cardinality, r.pages, r.filter_condition) for r in cursor.statistics("key_lines", schema=schema)]
    assert stats == [("key_lines", 0, "key_lines_pkey", 3, 1, "order_id", "A", None, None, None),
                     ("key_lines", 0, "key_lines_pkey", 3, 2, "line", "A", None, None, None),
                     ("key_lines", 1, "key_lines_qty", 3, 1, "qty", "A", None, None, None)], stats
    stats = [(r.index_name, r.non_unique, r.ordinal_position, r.column_name)
             for r in cursor.statistics("key_orders", schema=schema, unique=True)]
    assert stats == [("key_orders_pkey", 0, 1, "id"), ("key_orders_code_key", 0, 1, "code")], stats
    print("ok: odbc statistics", flush=True)


sqlalchemy_checks()
odbc_checks()
