"""Writes a user DSN "lake" for this run from the libpq environment (PGHOST, PGPORT, ...) and points
unixODBC at it ($ODBCINI); import this before pyodbc."""
import os
import tempfile


def write_dsn(extra=""):
    dsn_file = os.path.join(tempfile.mkdtemp(prefix="odbc-"), "odbc.ini")
    with open(dsn_file, "w") as f:
        f.write(
            "[lake]\n"
            "Driver = PostgreSQL Unicode\n"
            "Servername = {PGHOST}\nPort = {PGPORT}\nDatabase = {PGDATABASE}\nUsername = {PGUSER}\n"
            "SSLmode = disable\n".format(**os.environ) + extra)
    os.environ["ODBCINI"] = dsn_file


write_dsn()
