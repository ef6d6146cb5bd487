"""pgcli against the gateway, through its own library: PGExecute connects as pgcli does, the
completion refresher runs the catalog queries pgcli runs at start-up, the completer offers the
lake's tables and columns, and the special commands \\dt, \\d, \\l and \\dn answer.

Run by PgcliWireTest with PGHOST/PGPORT/PGUSER/PGDATABASE set; runs every check and prints
"ok: <check>" or "failed: <check>: <error>" for each (the test decides which must pass).
"""
import os

from pgcli.completion_refresher import CompletionRefresher
from pgcli.pgcompleter import PGCompleter
from pgcli.pgexecute import PGExecute
from pgspecial.main import PGSpecial
from prompt_toolkit.document import Document

executor = PGExecute(os.environ["PGDATABASE"], os.environ["PGUSER"], None, os.environ["PGHOST"], os.environ["PGPORT"], None)
assert executor.server_version, executor.server_version
print("ok: connect", flush=True)

special = PGSpecial()
completer = PGCompleter(smart_completion=True, pgspecial=special, settings={})


def check(name, function):
    try:
        function()
        print("ok: " + name, flush=True)
    except Exception as e:  # noqa: BLE001 - every failure is reported, and the next check still runs
        print("failed: %s: %s" % (name, str(e).splitlines()[0] if str(e) else repr(e)), flush=True)
        if executor.conn is not None and not executor.conn.closed:
            executor.conn.rollback()


for refresher_name, refresh in CompletionRefresher.refreshers.items():
    if refresher_name != "casing":  # reads and writes a file of the user's, not the server
        check("refresh " + refresher_name, lambda refresh=refresh: refresh(completer, executor))


def completions(text):
    return {c.text for c in completer.get_completions(Document(text=text, cursor_position=len(text)), None)}


def completes_tables():
    offered = completions("SELECT * FROM bronze.")
    assert "trades" in offered, sorted(offered)[:40]
    offered = completions("SELECT * FROM gold.da")
    assert "daily_pnl" in offered, sorted(offered)[:40]


def completes_columns():
    offered = completions("SELECT sym FROM bronze.trades WHERE ")
    assert "symbol" in offered, sorted(offered)[:40]


check("completes table names", completes_tables)
check("completes column names", completes_columns)


def special_rows(command):
    rows = []
    for title, cur, headers, status, sql, success, is_special in executor.run(command, pgspecial=special):
        assert success, (command, status)
        if cur is not None:
            rows.extend(tuple(row) for row in cur)
    return rows


def lists_tables():
    tables = special_rows("\\dt bronze.*")
    assert any(row[0] == "bronze" and row[1] == "trades" for row in tables), tables


def describes_table():
    names = [row[0] for row in special_rows("\\d bronze.trades")]
    assert "trade_id" in names and "symbol" in names, names


def describes_all():
    assert special_rows("\\d"), "no relations"


def lists_databases():
    assert any(row[0] == os.environ["PGDATABASE"] for row in special_rows("\\l"))


def lists_schemas():
    assert any(row[0] == "bronze" for row in special_rows("\\dn"))


check("\\dt", lists_tables)
check("\\d table", describes_table)
check("\\d", describes_all)
check("\\l", lists_databases)
check("\\dn", lists_schemas)
