"""The platform's own notifications through psycopg2: LISTEN on a lake dataset's channel, run an
ingest in another process (TRIGGER_INGEST, a JSON argv), and conn.poll() sees its commit, whose
rows a query then finds; likewise a source mirror's channel and a sync (TRIGGER_SYNC). Prints
"ok: <check>"."""
import json
import os
import select
import subprocess

import psycopg2
import psycopg2.extensions

DATASET = os.environ["DATASET"]      # e.g. bronze.notified_py
MIRROR = os.environ["MIRROR"]        # e.g. oltp.orders


def wait_for(conn, channel):
    """The first notification on channel, waiting up to 60 s."""
    for _ in range(600):
        conn.poll()
        for n in conn.notifies:
            if n.channel == channel:
                conn.notifies.remove(n)
                return n
        select.select([conn], [], [], 0.1)
    raise AssertionError("no notification on " + channel)


def run(variable):
    done = subprocess.run(json.loads(os.environ[variable]), capture_output=True, text=True)
    assert done.returncode == 0, (variable, done.stdout, done.stderr)


conn = psycopg2.connect("")
conn.set_isolation_level(psycopg2.extensions.ISOLATION_LEVEL_AUTOCOMMIT)
cur = conn.cursor()
cur.execute('LISTEN "lake_commit:%s"' % DATASET)
cur.execute('LISTEN "mirror_sync:%s"' % MIRROR)

run("TRIGGER_INGEST")
n = wait_for(conn, "lake_commit:" + DATASET)
payload = json.loads(n.payload)
layer, name = DATASET.split(".")
assert payload["layer"] == layer and payload["dataset"] == name, payload
assert payload["rows"] == 3 and payload["rejected"] == 0 and payload["commit"], payload
assert payload["committed_at"].endswith("Z"), payload
assert n.pid == 0, n.pid
cur.execute("SELECT count(*) FROM " + DATASET)
assert cur.fetchone()[0] == payload["rows"]
print("ok: lake commit", flush=True)

run("TRIGGER_SYNC")
n = wait_for(conn, "mirror_sync:" + MIRROR)
payload = json.loads(n.payload)
assert payload["source"] == MIRROR.split(".")[0] and payload["mirror"] == MIRROR, payload
assert payload["method"] == "full" and payload["rows"] == payload["rows_read"] > 0, payload
cur.execute("SELECT count(*) FROM " + MIRROR)
assert cur.fetchone()[0] == payload["rows"]
print("ok: mirror sync", flush=True)
